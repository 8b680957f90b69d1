// Parse throughput of one format, measured in a fresh process (bench/parse-child.ts): what the bench
// did before (building the corpus, another format's parse) cannot weigh on the figures.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { BenchFormat } from './corpus.ts';
import { medianBy } from './median.ts';
import { root } from './processes.ts';

type Throughput = { ours: number; floor: number; ratio: number };

/**
 * How V8 happens to compile the reader and the library in one process moves the ratio by a few
 * hundredths from one process to the next (xlsx: 1.25 to 1.28 over eight processes of one build):
 * the run of median ratio among a few processes is reported.
 */
const PROCESSES = 3;

/** Forms per second on one core, ours and the floor's (or ours on the twins), over the first `n` forms in `dir`. */
export function parseThroughput(format: BenchFormat | 'doc', dir: string, n: number, rounds: number, twin?: { dir: string; ext: string }): Throughput {
  const twinArgs = twin ? [twin.dir, twin.ext] : [];
  const runs: Throughput[] = [];
  for (let i = 0; i < PROCESSES; i++) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench/parse-child.ts'), format, dir, String(n), String(rounds), ...twinArgs], { cwd: root });
    runs.push(JSON.parse(String(out)) as Throughput);
  }
  return medianBy(runs, (r) => r.ratio);
}
