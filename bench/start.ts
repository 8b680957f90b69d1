// How long `filings` takes to start, as a ratio to Node's own start on the same machine (`node -e 0`):
// `--help`, `list` on a store of 100 filings, and `parse` of one .docx. Wall time, median of the runs.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { median } from './median.ts';
import { root } from './processes.ts';

function wallMs(args: string[], env: NodeJS.ProcessEnv, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    execFileSync(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: 'ignore', maxBuffer: 1 << 26 });
    times.push(performance.now() - t);
  }
  return median(times);
}

export interface StartTimes {
  nodeMs: number;
  helpMs: number;
  listMs: number;
  parseMs: number;
}

/** `db`: a store holding 100 filings; `docx`: one form to parse. */
export function measureStart(db: string, docx: string, runs = 9): StartTimes {
  const bin = path.join(root, 'bin/filings.js');
  const env = { FILINGS_DB: db };
  const nodeMs = wallMs(['-e', '0'], {}, runs);
  return {
    nodeMs,
    helpMs: wallMs([bin, '--help'], env, runs),
    listMs: wallMs([bin, 'list'], env, runs),
    parseMs: wallMs([bin, 'parse', docx], env, runs),
  };
}
