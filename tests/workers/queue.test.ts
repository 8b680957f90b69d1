// The distributed import end to end: real redis-server, real worker processes, the real CLI.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Queue } from 'bullmq';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.ts';
import { QUEUE_NAME } from '../../workers/connection.ts';
import { filings, fixture } from '../helpers/cli.ts';
import { startRedis, type RedisServer } from '../helpers/redis.ts';
import { tmpDir } from '../helpers/tmp.ts';
import { startWorker, waitFor, type WorkerProcess } from '../helpers/workers.ts';
import { FIXTURE_FAILURES, FIXTURE_FORMS } from '../import/fixture-counts.ts';

let redis: RedisServer;
let tmp: ReturnType<typeof tmpDir>;
let env: Record<string, string>;
let workers: WorkerProcess[] = [];
let queue: Queue;

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});

beforeEach(async () => {
  tmp = tmpDir();
  await filings(['status'], { REDIS_URL: redis.url }); // the queue exists and answers
  env = {
    REDIS_URL: redis.url,
    FILINGS_DB: path.join(tmp.dir, 'filings.db'),
    FILINGS_UPLOADS: path.join(tmp.dir, 'uploads'),
    // Short locks so that a killed worker's jobs are recovered within seconds, not minutes.
    FILINGS_LOCK_MS: '4000',
    FILINGS_STALLED_MS: '1000',
  };
  queue = new Queue(QUEUE_NAME, { connection: { url: redis.url } as never });
  await queue.obliterate({ force: true });
});
afterEach(async () => {
  for (const w of workers) w.kill('SIGKILL');
  workers = [];
  await queue.close();
  tmp.remove();
});

const storeCounts = async () => {
  const store = await openStore({ db: env.FILINGS_DB });
  try {
    return await store.counts();
  } finally {
    await store.close();
  }
};
const settled = async () => {
  const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'completed', 'failed');
  return c.waiting + c.active + c.delayed + (c.prioritized ?? 0) === 0 && c.completed + c.failed > 0;
};

describe('the queue', () => {
  it('two workers, one killed with SIGKILL mid-batch: every form stored exactly once, nothing missing', async () => {
    workers = [startWorker(env, ['-c', '2']), startWorker(env, ['-c', '2'])];
    const enq = await filings(['enqueue', fixture()], env);
    expect(enq.stderr).toMatch(/queued \d+ new/);
    await waitFor('a few jobs done', async () => (await queue.getJobCounts('completed')).completed >= 5);
    workers[0].kill('SIGKILL');
    await waitFor('the queue to drain', settled);
    const c = await storeCounts();
    expect(c.filings).toBe(FIXTURE_FORMS);
    expect(c.failures).toBe(Object.keys(FIXTURE_FAILURES).length);
    const failed = await queue.getFailed();
    expect(failed.map((j) => path.relative(fixture(), j.data.path)).sort()).toEqual(Object.keys(FIXTURE_FAILURES).sort());
    // Bad input fails at once, without retries.
    for (const j of failed) expect(j.attemptsMade).toBe(1);
    const status = await filings(['status'], env);
    expect(status.stdout).toMatch(new RegExp(`failed ${Object.keys(FIXTURE_FAILURES).length}`));
  }, 180_000);

  it('Redis stopped and started again while workers run: they carry on by themselves', async () => {
    workers = [startWorker(env, ['-c', '2'])];
    await filings(['enqueue', fixture()], env);
    await waitFor('a few jobs done', async () => (await queue.getJobCounts('completed')).completed >= 3);
    await redis.restart();
    await waitFor('the queue to drain after the restart', settled, 120_000);
    const c = await storeCounts();
    expect(c.filings).toBe(FIXTURE_FORMS);
  }, 180_000);

  it('enqueueing a file again makes one job; a failed file enqueued again is processed again', async () => {
    const bad = fixture('bad/empty.docx');
    // The same bytes under another name (a path named twice is one file to the walk).
    const copy = path.join(tmp.dir, 'copy.docx');
    fs.copyFileSync(bad, copy);
    const one = await filings(['enqueue', bad, copy], env);
    expect(one.stderr).toMatch(/queued 1 new, 0 failed before and queued again, 1 already queued/);
    workers = [startWorker(env, ['-c', '1'])];
    await waitFor('the job to fail', async () => (await queue.getJobCounts('failed')).failed === 1);
    const again = await filings(['enqueue', bad], env);
    expect(again.stderr).toMatch(/queued 0 new, 1 failed before and queued again/);
    // The worker reads it a second time (and fails it again, the file being still empty).
    await waitFor('the job to run again', async () => workers[0].log.join('').split('empty.docx: failed').length - 1 === 2);
    expect((await queue.getJobCounts('failed')).failed).toBe(1);
  }, 120_000);

  it('the same bytes under another name: one import, and the store keeps both names, the first the record’s', async () => {
    const seed = path.join(tmp.dir, 'seed.md');
    const copy = path.join(tmp.dir, 'seed-copy.md');
    fs.copyFileSync(fixture('seed.md'), seed);
    fs.copyFileSync(fixture('seed.md'), copy);
    const one = await filings(['enqueue', seed, copy], env);
    expect(one.stderr).toMatch(/queued 1 new, 0 failed before and queued again, 1 already queued or done \(1 under a new name\)/);
    const again = await filings(['enqueue', copy], env);
    expect(again.stderr).toMatch(/1 already queued or done \(0 under a new name\)/);
    workers = [startWorker(env, ['-c', '2'])];
    await waitFor('both jobs to complete', async () => (await queue.getJobCounts('completed')).completed === 2);
    const store = await openStore({ db: env.FILINGS_DB });
    try {
      const [filing] = await store.listFilings();
      expect(filing.fileName).toBe('seed.md');
      expect((await store.fileNames(filing.id.split(':')[0])).map((n) => [n.fileName, n.path])).toEqual([
        ['seed.md', seed],
        ['seed-copy.md', copy],
      ]);
    } finally {
      await store.close();
    }
  }, 120_000);

  it('a file that fails for a transient reason (the database locked) is retried and stored', async () => {
    // The store exists; then another process holds it locked for longer than the worker will wait.
    (await openStore({ db: env.FILINGS_DB })).close();
    const lock = new Database(env.FILINGS_DB);
    lock.exec('BEGIN EXCLUSIVE');
    workers = [startWorker({ ...env, FILINGS_SQLITE_BUSY_MS: '200' }, ['-c', '1'])];
    await filings(['enqueue', fixture('seed.md')], env);
    await waitFor('a failed attempt', async () => workers[0].log.join('').includes('will retry (attempt 1)'));
    lock.exec('COMMIT');
    lock.close();
    await waitFor('the job to complete', async () => (await queue.getJobCounts('completed')).completed === 1, 60_000);
    const [job] = await queue.getCompleted();
    expect(job.attemptsMade).toBeGreaterThanOrEqual(2);
    expect((await storeCounts()).filings).toBe(1);
  }, 90_000);

  it('SIGTERM drains: the worker finishes the jobs in hand and exits', async () => {
    workers = [startWorker(env, ['-c', '2'])];
    await filings(['enqueue', fixture()], env);
    await waitFor('a job done', async () => (await queue.getJobCounts('completed')).completed >= 1);
    workers[0].kill('SIGTERM');
    expect(await workers[0].exited).toBe(0);
    expect(workers[0].log.join('')).toMatch(/SIGTERM: finishing the jobs in hand/);
    expect((await queue.getJobCounts('active')).active).toBe(0);
  }, 60_000);
});
