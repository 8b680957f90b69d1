// Property: whatever the bytes, reading a file ends within its deadline, with records or one clean
// reason. Fixture files of every format are mutated (bytes flipped, runs overwritten, truncated,
// slices duplicated) by fast-check and read through the same reader pool that parse, import and the
// queue worker use; a second test puts a batch of them through the real CLI.
// Runs beside others: a read past its deadline is a clean failure too, and the time checks allow
// 15 s beyond the deadline, which only a hang exceeds.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FilingError } from '../../parsers/errors.ts';
import { createReaderPool, type ReaderPool } from '../../src/guard/reader-pool.ts';
import { filings, fixture } from '../helpers/cli.ts';
import { tmpDir } from '../helpers/tmp.ts';

const BASES = ['seed.docx', 'multi-2.docx', 'legacy/seed.doc', 'real-doc/Bug51686.doc', 'seed.xlsx', 'real-04.xlsx', 'seed.xls', 'seed-gbk.xls', 'seed.md', 'multi-3.md'];
const bases = BASES.map((name) => ({ name, bytes: fs.readFileSync(fixture(name)) }));
const TIMEOUT_MS = 4000;
// Time a read may take beyond its deadline, as the caller sees it: the thread is terminated and the
// answer comes back, and the next file may wait for a replacement thread to boot (the deadline itself
// starts only when a thread takes the file). A hang would pass any slack.
const SLACK_MS = 15_000;
const RUNS = Number(process.env.FILINGS_FUZZ_RUNS) || 240;

type Mutation =
  | { kind: 'flip'; at: number[]; value: number[] }
  | { kind: 'overwrite'; at: number; length: number; value: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'duplicate'; at: number; length: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }), value: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 8, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('overwrite' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 64 }), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 4096 }) }),
);

function mutate(bytes: Buffer, m: Mutation): Buffer {
  const pos = (f: number) => Math.min(bytes.length - 1, Math.floor(f * bytes.length));
  switch (m.kind) {
    case 'flip': {
      const out = Buffer.from(bytes);
      m.at.forEach((f, i) => (out[pos(f)] = m.value[i]));
      return out;
    }
    case 'overwrite': {
      const out = Buffer.from(bytes);
      out.fill(m.value, pos(m.at), Math.min(out.length, pos(m.at) + m.length));
      return out;
    }
    case 'truncate':
      return bytes.subarray(0, pos(m.at));
    case 'duplicate': {
      const at = pos(m.at);
      const slice = bytes.subarray(at, at + m.length);
      return Buffer.concat([bytes.subarray(0, at), slice, slice, bytes.subarray(at)]);
    }
  }
}

let readers: ReaderPool;
beforeAll(async () => {
  readers = createReaderPool({ threads: 2, limits: { timeoutMs: TIMEOUT_MS, memoryMb: 512 } });
  // A thread booted (its modules loaded) before anything is timed; the second starts when a read runs
  // long, and a deadline starts only when a thread has taken the file.
  await readers.read(bases[6].bytes, 'seed.md');
}, 120_000);
afterAll(async () => {
  await readers?.close();
});

it(`${RUNS} mutated files of every format each end within the deadline, with records or one clean reason`, async () => {
  const stats = { runs: 0, records: 0, failed: new Map<string, number>(), slowestMs: 0, slowest: '' };
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 0, max: bases.length - 1 }), mutation, async (b, m) => {
      const base = bases[b];
      const bytes = mutate(base.bytes, m);
      const started = performance.now();
      let outcome: string;
      try {
        const result = await readers.read(bytes, base.name);
        expect(result.records.length).toBeGreaterThan(0);
        stats.records++;
        outcome = 'records';
      } catch (e) {
        expect(e).toBeInstanceOf(FilingError);
        const err = e as FilingError;
        expect(err.message).toMatch(/^\S/);
        expect(err.message).not.toMatch(/\n|\s+at \S+ \(/);
        stats.failed.set(err.code, (stats.failed.get(err.code) ?? 0) + 1);
        outcome = err.code;
      }
      const ms = performance.now() - started;
      if (ms > stats.slowestMs) Object.assign(stats, { slowestMs: ms, slowest: `${base.name} ${m.kind} → ${outcome}` });
      stats.runs++;
      expect(ms).toBeLessThan(TIMEOUT_MS + SLACK_MS);
    }),
    { numRuns: RUNS, seed: Number(process.env.FILINGS_FUZZ_SEED) || 20261202, endOnFailure: true },
  );
  // For the record (and the closing note): what the mutations came to.
  console.log(
    `fuzz: ${stats.runs} mutated files, ${stats.records} read to records, failed ${JSON.stringify(Object.fromEntries(stats.failed))}, slowest ${Math.round(stats.slowestMs)} ms (${stats.slowest})`,
  );
}, 600_000);

it('a batch of mutated files through `filings parse`: JSON on stdout, one line per failed file, within the deadlines', async () => {
  const tmp = tmpDir();
  try {
    const samples = fc.sample(fc.tuple(fc.integer({ min: 0, max: bases.length - 1 }), mutation), { numRuns: 24, seed: 7 });
    const files = samples.map(([b, m], i) => {
      const file = path.join(tmp.dir, `${i}-${path.basename(bases[b].name)}`);
      fs.writeFileSync(file, mutate(bases[b].bytes, m));
      return file;
    });
    const started = performance.now();
    const run = await filings(['parse', ...files], { FILINGS_FILE_TIMEOUT_S: String(TIMEOUT_MS / 1000) });
    const seconds = (performance.now() - started) / 1000;
    const records: { source: { file: string } }[] = JSON.parse(run.stdout);
    const lines = run.stderr.split('\n').filter(Boolean);
    for (const line of lines) expect(line).toMatch(/^filings: \/\S+: \S.*$/);
    const failed = new Set(lines.map((l) => l.slice('filings: '.length, l.indexOf(': ', 'filings: '.length))));
    const read = new Set(records.map((r) => r.source.file));
    // Every file is either read or named once in a failure line, never both, never neither.
    for (const file of files) expect(Number(failed.has(file)) + Number(read.has(path.basename(file))), file).toBe(1);
    expect(run.code).toBe(failed.size ? 1 : 0);
    // Two reader threads: even if every file ran to its deadline, the run is bounded by it.
    expect(seconds).toBeLessThan((files.length / 2) * (TIMEOUT_MS + SLACK_MS) / 1000 + 30);
  } finally {
    tmp.remove();
  }
}, 600_000);
