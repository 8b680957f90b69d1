// Parse throughput of one format, measured in a fresh process (bench/parse-child.ts): what the bench
// did before (building the corpus, another format's parse) cannot weigh on the figures.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { BenchFormat } from './corpus.ts';
import { root } from './processes.ts';

/** Forms per second on one core, ours and the floor's (or ours on the twins), over the first `n` forms in `dir`. */
export function parseThroughput(format: BenchFormat | 'doc', dir: string, n: number, rounds: number, twin?: { dir: string; ext: string }): { ours: number; floor: number; ratio: number } {
  const twinArgs = twin ? [twin.dir, twin.ext] : [];
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench/parse-child.ts'), format, dir, String(n), String(rounds), ...twinArgs], { cwd: root });
  return JSON.parse(String(out)) as { ours: number; floor: number; ratio: number };
}
