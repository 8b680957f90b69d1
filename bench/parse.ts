// Parse throughput on one core: our reader (bytes → records) beside the library we build on, alone
// (bench/floor.ts), on the same bytes, in interleaved rounds so that a slow moment hits both alike.
import fs from 'node:fs';
import { readRecords } from '../src/read-records.ts';
import type { BenchFormat } from './corpus.ts';
import { floorParse } from './floor.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Forms per second, ours and the floor's. */
export async function parseThroughput(format: BenchFormat, files: string[], rounds: number): Promise<{ ours: number; floor: number }> {
  const bytes = files.map((f) => fs.readFileSync(f));
  const timeRound = async (fn: (b: Buffer, i: number) => Promise<unknown>) => {
    const t = performance.now();
    for (let i = 0; i < bytes.length; i++) await fn(bytes[i], i);
    return bytes.length / ((performance.now() - t) / 1000);
  };
  const ours = (b: Buffer, i: number) => readRecords(b, files[i]);
  const floor = (b: Buffer) => floorParse(format, b);
  await timeRound(ours);
  await timeRound(floor);
  const o: number[] = [];
  const f: number[] = [];
  for (let r = 0; r < rounds; r++) {
    o.push(await timeRound(ours));
    f.push(await timeRound(floor));
  }
  return { ours: median(o), floor: median(f) };
}
