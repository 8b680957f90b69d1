// One import over a folder of hostile files mixed with good ones finishes, stores every good form and
// lists every other file in the failures, each with a one-line reason; the queue worker does the same.
// Runs beside others: the run is timed only to be printed; every check is on what was stored and
// what failed, and no file comes near its 20 s deadline.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.ts';
import { filings, fixture } from '../helpers/cli.ts';
import { hostileFiles, trickyGoodFiles, writeAll } from '../helpers/hostile.ts';
import { startRedis, type RedisServer } from '../helpers/redis.ts';
import { tmpDir } from '../helpers/tmp.ts';
import { startWorker, waitFor } from '../helpers/workers.ts';

const tmp = tmpDir();
const folder = path.join(tmp.dir, 'in');
let hostile: string[];
let good: string[];

beforeAll(async () => {
  hostile = writeAll(folder, await hostileFiles()).map((f) => path.basename(f));
  good = writeAll(folder, await trickyGoodFiles()).map((f) => path.basename(f));
  for (const name of ['seed.docx', 'real-05.xlsx', 'multi-3.md']) fs.copyFileSync(fixture(name), path.join(folder, name));
  good.push('seed.docx', 'real-05.xlsx', 'multi-3.md');
}, 300_000);
afterAll(() => tmp.remove());

async function storeState(db: string) {
  const store = await openStore({ db });
  try {
    return { counts: await store.counts(), failures: await store.failures() };
  } finally {
    await store.close();
  }
}

function expectEveryHostileFailedAlone(failures: { path: string; message: string }[]) {
  const failed = new Map(failures.map((f) => [path.basename(f.path), f.message]));
  for (const name of hostile) {
    expect(failed.has(name), `${name} is in the failures`).toBe(true);
    expect(failed.get(name)).toMatch(/^[^\n]+$/);
  }
  for (const name of good) expect(failed.has(name), `${name} was read`).toBe(false);
}

// seed.docx 1, real-05 1, multi-3 3, and one form in each tricky good file
const GOOD_FORMS = 11;

it('the embedded import finishes, stores every good form and lists every hostile file', async () => {
  const db = path.join(tmp.dir, 'embedded.db');
  const started = Date.now();
  const run = await filings(['import', folder], { FILINGS_DB: db, FILINGS_UPLOADS: path.join(tmp.dir, 'up1'), FILINGS_FILE_TIMEOUT_S: '20' });
  const seconds = (Date.now() - started) / 1000;
  expect(run.code, run.stderr).toBe(1); // done, some inputs failed
  const { counts, failures } = await storeState(db);
  expect(counts.filings).toBe(GOOD_FORMS);
  expectEveryHostileFailedAlone(failures);
  expect(failures).toHaveLength(hostile.length);
  console.log(`hostile import: ${hostile.length} hostile + ${good.length} good files in ${seconds.toFixed(1)} s`);
}, 300_000);

it('the queue worker does the same', async () => {
  const redis: RedisServer = await startRedis();
  const env = { REDIS_URL: redis.url, FILINGS_DB: path.join(tmp.dir, 'queue.db'), FILINGS_UPLOADS: path.join(tmp.dir, 'up2'), FILINGS_FILE_TIMEOUT_S: '20' };
  const worker = startWorker(env, ['-c', '2']);
  try {
    const enq = await filings(['enqueue', folder], env);
    expect(enq.stderr).toMatch(new RegExp(`queued ${hostile.length + good.length} new`));
    const done = () => worker.log.join('').split('\n').filter((l) => /: (stored|failed|present)/.test(l)).length;
    await waitFor('every job to end', async () => done() >= hostile.length + good.length, 240_000);
    const { counts, failures } = await storeState(env.FILINGS_DB);
    expect(counts.filings).toBe(GOOD_FORMS);
    expectEveryHostileFailedAlone(failures);
    const status = await filings(['status'], env);
    expect(status.stdout).toMatch(new RegExp(`failed ${hostile.length}`));
  } finally {
    worker.kill('SIGKILL');
    await redis.stop();
  }
}, 300_000);
