// `npm run bench`: parse throughput beside the libraries' own floor, the embedded import, the queue
// import with 1 and 2 workers, and peak memory at N and 10×N forms. Writes BENCHMARKS.md.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Queue } from 'bullmq';
import { readRecords } from '../src/read-records.ts';
import { startRedis } from '../tests/helpers/redis.ts';
import { writeCorpus, type BenchFormat } from './corpus.ts';
import { floorParse } from './floor.ts';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '200' },
    rounds: { type: 'string', default: '5' },
    // For profiling one part: --parts parse (the summary and BENCHMARKS.md need all parts).
    parts: { type: 'string', default: 'parse,import,queue' },
  },
});
const PARTS = new Set(values.parts!.split(','));
const N = Number(values.n);
const ROUNDS = Number(values.rounds);
const FORMATS: BenchFormat[] = ['docx', 'xlsx', 'md'];
const root = path.resolve(import.meta.dirname, '..');
const work = path.join(root, '.bench');
const log = (s: string) => process.stderr.write(`${s}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function parseThroughput(format: BenchFormat, files: string[]) {
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
  // Interleaved rounds, so that a slow moment of the machine hits both alike.
  for (let r = 0; r < ROUNDS; r++) {
    o.push(await timeRound(ours));
    f.push(await timeRound(floor));
  }
  return { ours: median(o), floor: median(f) };
}

function embeddedImport(dir: string, tag: string) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `filings-bench-${tag}-`));
  try {
    const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench/import-child.ts'), dir, path.join(tmp, 'f.db'), path.join(tmp, 'up')], {
      cwd: root,
      maxBuffer: 1 << 24,
    });
    return JSON.parse(String(out)) as { seconds: number; forms: number; failed: number; maxRssMb: number };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Busy and total jiffies over all cores (Linux), to tell how much of the machine a run used. */
function cpuTimes(): { busy: number; total: number } | null {
  try {
    const [, ...fields] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
    const total = fields.reduce((a, b) => a + b, 0);
    return { busy: total - fields[3] - (fields[4] ?? 0), total };
  } catch {
    return null;
  }
}

async function queueImport(dir: string, workers: number, redisUrl: string) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'filings-bench-q-'));
  const env = { ...process.env, REDIS_URL: redisUrl, FILINGS_DB: path.join(tmp, 'f.db'), FILINGS_UPLOADS: path.join(tmp, 'up') };
  const cli = (args: string[]) => execFileSync(process.execPath, [path.join(root, 'bin/filings.js'), ...args], { cwd: root, env, stdio: 'pipe' });
  const queue = new Queue('filings-import', { connection: { url: redisUrl } as never });
  await queue.obliterate({ force: true });
  const drained = async () => {
    for (;;) {
      const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'paused');
      if (c.waiting + c.active + c.delayed + (c.prioritized ?? 0) + (c.paused ?? 0) === 0) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  // Each worker process takes one job at a time: 1 and 2 workers compare like for like.
  const procs = Array.from({ length: workers }, () =>
    spawn(process.execPath, [path.join(root, 'bin/filings.js'), 'worker', '-c', '1'], { cwd: root, env, stdio: 'ignore' }),
  );
  // Warm up (process start, job processes, store open) on other files, then time the corpus alone,
  // enqueued while the queue is paused so that copying files is not counted as work.
  cli(['enqueue', path.join(work, 'warmup')]);
  await drained();
  await queue.pause();
  cli(['enqueue', dir]);
  const t = performance.now();
  const cpu0 = cpuTimes();
  await queue.resume();
  await drained();
  const seconds = (performance.now() - t) / 1000;
  const cpu1 = cpuTimes();
  const busy = cpu0 && cpu1 ? (cpu1.busy - cpu0.busy) / (cpu1.total - cpu0.total) : NaN;
  for (const p of procs) p.kill('SIGTERM');
  await Promise.all(procs.map((p) => new Promise((r) => p.once('exit', r))));
  await queue.close();
  fs.rmSync(tmp, { recursive: true, force: true });
  return { seconds, busy };
}

const hasRedis = (() => {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

if (!PARTS.has('import') || !PARTS.has('queue')) {
  log(`bench: parts ${[...PARTS].join(',')} only`);
}
log(`bench: building the corpus (${N} forms per format; 10× for the memory run) in ${work}`);
const corpus: Record<BenchFormat, string[]> = { docx: [], xlsx: [], md: [] };
for (const format of FORMATS) corpus[format] = await writeCorpus(path.join(work, 'n', format), format, N);
await writeCorpus(path.join(work, 'warmup'), 'md', 8, 900_000);
// The memory run: the same mix, ten times as many forms.
if (PARTS.has('import')) for (const format of FORMATS) await writeCorpus(path.join(work, 'n10', format), format, N * 10);

const rows: string[][] = [];
const ratios: Record<string, number> = {};
for (const format of PARTS.has('parse') ? FORMATS : []) {
  log(`bench: parse ${format}`);
  const t = await parseThroughput(format, corpus[format]);
  ratios[format] = t.floor / t.ours;
  rows.push([`parse ${format} (forms/s/core)`, t.ours.toFixed(1), `floor ${t.floor.toFixed(1)}`, `ours takes ${ratios[format].toFixed(2)}× the floor's time`]);
}

let memRatio = NaN;
let embRate = NaN;
if (PARTS.has('import')) {
  log('bench: embedded import, N');
  const emb = embeddedImport(path.join(work, 'n'), 'n');
  embRate = emb.forms / emb.seconds;
  rows.push([`embedded import, ${emb.forms} forms (forms/s)`, embRate.toFixed(1), `${emb.seconds.toFixed(1)} s`, `peak RSS ${emb.maxRssMb.toFixed(0)} MB`]);
  log('bench: embedded import, 10×N');
  const emb10 = embeddedImport(path.join(work, 'n10'), 'n10');
  rows.push([`embedded import, ${emb10.forms} forms (forms/s)`, (emb10.forms / emb10.seconds).toFixed(1), `${emb10.seconds.toFixed(1)} s`, `peak RSS ${emb10.maxRssMb.toFixed(0)} MB`]);
  memRatio = emb10.maxRssMb / emb.maxRssMb;
}

let queueRatio: number | null = null;
if (!PARTS.has('queue')) {
  // not asked for
} else if (hasRedis) {
  const redis = await startRedis();
  log('bench: queue import, 1 worker (redis-server started by the bench)');
  const r1 = await queueImport(path.join(work, 'n'), 1, redis.url);
  log('bench: queue import, 2 workers');
  const r2q = await queueImport(path.join(work, 'n'), 2, redis.url);
  const q1 = r1.seconds;
  const q2 = r2q.seconds;
  await redis.stop();
  const forms = N * FORMATS.length;
  queueRatio = q1 / q2;
  // How busy all cores were: one worker process already keeps more than one core busy (its job
  // process parses while the worker talks to Redis, Redis and the store work too).
  const used = (b: number) => `machine ${(b * 100).toFixed(0)}% busy`;
  rows.push([`queue import, 1 worker (forms/s)`, (forms / q1).toFixed(1), `${q1.toFixed(1)} s, ${used(r1.busy)}`, `${(forms / q1 / embRate).toFixed(2)}× embedded`]);
  rows.push([`queue import, 2 workers (forms/s)`, (forms / q2).toFixed(1), `${q2.toFixed(1)} s, ${used(r2q.busy)}`, `${(forms / q2 / embRate).toFixed(2)}× embedded`]);
} else {
  log('bench: redis-server is not installed; the queue part is skipped');
}

const r2 = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? 'n/a' : x.toFixed(2));
const summary =
  `bench: parse/floor docx=${r2(ratios.docx)} xlsx=${r2(ratios.xlsx)} md=${r2(ratios.md)}; ` +
  `queue2/queue1=${queueRatio === null ? 'skipped' : r2(queueRatio)}; mem10x/mem1x=${r2(memRatio)}`;
const table = ['| measure | value | | |', '|---|---|---|---|', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
process.stdout.write(`${table}\n\n${summary}\n`);
const md = `# Benchmarks\n\nMeasured by \`npm run bench\` (n=${N} forms per format, ${ROUNDS} rounds, median) on ${os.availableParallelism()} cores, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}.\nparse/floor is our time per form over the library's alone (mammoth's HTML conversion, SheetJS's read, remark's parse): ours does strictly more.\n\n${table}\n\n\`${summary}\`\n`;
if (PARTS.size === 3) fs.writeFileSync(path.join(root, 'BENCHMARKS.md'), md);
