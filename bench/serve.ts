// Upload to stored through the service: `filings serve` (the compiled program, its own process, the
// embedded store, files read in its process) takes the forms over HTTP in batches as a department's
// browser sends them, and the clock stops when the API says the last one is stored.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root } from './processes.ts';

export interface ServeRun {
  forms: number;
  seconds: number;
}

const BATCH = 10;

export async function serveUploads(files: string[]): Promise<ServeRun> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'filings-bench-serve-'));
  const env = { ...process.env, DATABASE_URL: '', REDIS_URL: '', FILINGS_DB: path.join(tmp, 'f.db'), FILINGS_UPLOADS: path.join(tmp, 'up') };
  const bin = path.join(root, 'bin/filings.js');
  const token = execFileSync(process.execPath, [bin, 'token', 'add', 'bench', '--role', 'admin'], { env, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  const port = 20000 + Math.floor(Math.random() * 20000);
  const server = spawn(process.execPath, [bin, 'serve', '--port', String(port)], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  try {
    await new Promise<void>((resolve, reject) => {
      server.stderr!.on('data', (d) => String(d).includes('serving') && resolve());
      server.once('exit', () => reject(new Error('filings serve ended')));
    });
    const base = `http://127.0.0.1:${port}`;
    const auth = { authorization: `Bearer ${token}` };
    const t = performance.now();
    const shas: string[] = [];
    for (let i = 0; i < files.length; i += BATCH) {
      const form = new FormData();
      for (const f of files.slice(i, i + BATCH)) form.append('file', new Blob([new Uint8Array(fs.readFileSync(f))]), path.basename(f));
      const res = await fetch(`${base}/api/uploads`, { method: 'POST', body: form, headers: auth });
      shas.push(...((await res.json()) as { uploads: { sha256: string }[] }).uploads.map((u) => u.sha256));
    }
    let forms = 0;
    for (const sha of shas) {
      for (;;) {
        const s = (await (await fetch(`${base}/api/uploads/${sha}`, { headers: auth })).json()) as { status: string; filingIds: string[] };
        if (s.status === 'stored' || s.status === 'failed') {
          forms += s.filingIds.length;
          break;
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    }
    return { forms, seconds: (performance.now() - t) / 1000 };
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
