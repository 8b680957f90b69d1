// The embedded import as a user runs it (`filings import DIR` into a new SQLite store), measured: its
// CPU per form once warm, taken in the run itself. The process's CPU is read from /proc when its
// progress line first passes a tenth of the files, and again at its end; what lies between is what the
// rest of the forms cost, with process and thread start and the JIT's first forms left out, as the
// queue's worker is measured after its warm-up.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { bin, preload, processCpuMs, root } from './processes.ts';

export interface ImportRun {
  forms: number;
  seconds: number;
  cpuMs: number;
  maxRssMb: number;
  /** CPU per form after the first tenth of the files. */
  warmMsPerForm: number;
}

export async function embeddedImport(dir: string): Promise<ImportRun> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'filings-bench-import-'));
  const usage = path.join(tmp, 'usage.json');
  try {
    const t = performance.now();
    const child = spawn(process.execPath, ['--import', preload, bin, 'import', '--json', dir], {
      cwd: root,
      env: { ...process.env, FILINGS_DB: path.join(tmp, 'f.db'), FILINGS_UPLOADS: path.join(tmp, 'up'), FILINGS_BENCH_RUSAGE: usage },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    // Not a terminal, so the import says how far it is every 2 s: `filings: imported X/Y files`.
    let mark: { done: number; cpuMs: number } | undefined;
    createInterface({ input: child.stderr }).on('line', (line) => {
      const m = /^filings: imported (\d+)\/(\d+) files$/.exec(line);
      if (!m || mark) return;
      const done = Number(m[1]);
      if (done * 10 < Number(m[2]) || done === Number(m[2])) return;
      // The process may have ended since it wrote the line: then there is no warm figure.
      try {
        mark = { done, cpuMs: processCpuMs(child.pid!) };
      } catch {}
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    if (code !== 0) throw new Error(`filings import exited with ${code}`);
    const seconds = (performance.now() - t) / 1000;
    const { cpuMs, maxRssMb } = JSON.parse(fs.readFileSync(usage, 'utf8')) as { cpuMs: number; maxRssMb: number };
    const forms = (JSON.parse(stdout) as { storedForms: number }).storedForms;
    // One form per file in the corpus. A run too short for a progress line has no warm figure.
    const warmMsPerForm = mark ? (cpuMs - mark.cpuMs) / (forms - mark.done) : Number.NaN;
    return { forms, seconds, cpuMs, maxRssMb, warmMsPerForm };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
