// Parse throughput on one core, in a process of its own (bench/parse.ts starts it): our reader (bytes →
// records) beside the library we build on, alone (bench/floor.ts), on the same bytes, in interleaved
// rounds so that a slow moment hits both alike. Prints {"ours": forms/s, "floor": forms/s, "ratio":
// the median of the rounds' floor/ours}.
// With a twin folder (the .doc bench), the floor is our own read of the same forms' twins there.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchFormat } from './corpus.ts';
import { floorParse } from './floor.ts';
import { median } from './median.ts';
import { root } from './processes.ts';

// Ours is the compiled reader, as `filings` runs it (bench/run.ts builds first), not tsx's on-the-fly
// build of the sources.
const compiled = path.join(root, 'dist/src/read-records.js');
if (!fs.existsSync(compiled)) throw new Error(`${compiled} is missing: run \`npm run build\` first`);
const { readRecords } = (await import(pathToFileURL(compiled).href)) as typeof import('../src/read-records.ts');


async function parseThroughput(format: BenchFormat, files: string[], rounds: number, twins: string[] | undefined): Promise<{ ours: number; floor: number; ratio: number }> {
  const bytes = files.map((f) => fs.readFileSync(f));
  const twinBytes = twins?.map((f) => fs.readFileSync(f));
  const timeRound = async (fn: (b: Buffer, i: number) => Promise<unknown>) => {
    const t = performance.now();
    for (let i = 0; i < bytes.length; i++) await fn(bytes[i], i);
    return bytes.length / ((performance.now() - t) / 1000);
  };
  const ours = (b: Buffer, i: number) => readRecords(b, files[i]);
  const floor = twins && twinBytes ? (_: Buffer, i: number) => readRecords(twinBytes[i], twins[i]) : (b: Buffer) => floorParse(format, b);
  await timeRound(ours);
  await timeRound(floor);
  const o: number[] = [];
  const f: number[] = [];
  for (let r = 0; r < rounds; r++) {
    o.push(await timeRound(ours));
    f.push(await timeRound(floor));
  }
  // The ratio is taken round by round, each ours beside the floor's run next to it, and its median
  // kept: a slow spell on a shared machine then slows both sides of a ratio, not one median.
  return { ours: median(o), floor: median(f), ratio: median(o.map((x, i) => f[i] / x)) };
}

const [format, dir, n, rounds, twinDir, twinExt] = process.argv.slice(2);
// The corpus is the first n forms of the folder (a larger earlier run may have left more).
const files = fs
  .readdirSync(dir)
  .sort()
  .slice(0, Number(n))
  .map((f) => path.join(dir, f));
const twins = twinDir ? files.map((f) => path.join(twinDir, path.basename(f).replace(/\.[^.]+$/, `.${twinExt}`))) : undefined;
process.stdout.write(JSON.stringify(await parseThroughput(format as BenchFormat, files, Number(rounds), twins)));
