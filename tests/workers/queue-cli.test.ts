// The queue's commands at the CLI's edge: --json, and the exit code enqueue shares with import (1: a
// named path that isn't there). Redis out of reach (exit 2) is redis-down.test.ts.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { filings, fixture } from '../helpers/cli.ts';
import { startRedis, type RedisServer } from '../helpers/redis.ts';
import { tmpDir } from '../helpers/tmp.ts';

let redis: RedisServer;
const tmp = tmpDir('filings-queue-cli-');
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
  tmp.remove();
});

it('status --json: the counts and the last failures as one JSON document', async () => {
  const run = await filings(['status', '--json'], { REDIS_URL: redis.url });
  expect(run.code).toBe(0);
  expect(JSON.parse(run.stdout)).toEqual({ counts: { waiting: 0, active: 0, delayed: 0, completed: 0, failed: 0 }, failures: [] });
});

it('`filings enqueue nosuch/` counts the missing path as a failed input: exit 1, as import does', async () => {
  const run = await filings(['enqueue', 'nosuch/', fixture('seed.md')], { REDIS_URL: redis.url, FILINGS_UPLOADS: `${tmp.dir}/uploads` });
  expect(run.code).toBe(1);
  expect(run.stderr).toMatch(/filings: nosuch\/: no such file or folder\n.*queued 1 new/s);
});

it('enqueue --json: what was queued and what failed, as one JSON document', async () => {
  const run = await filings(['enqueue', '--json', 'nosuch/', fixture('seed.md')], { REDIS_URL: redis.url, FILINGS_UPLOADS: `${tmp.dir}/uploads` });
  expect(run.code).toBe(1);
  expect(JSON.parse(run.stdout)).toMatchObject({ added: 0, alreadyQueued: 1, failed: [{ path: 'nosuch/', message: 'no such file or folder' }] });
});

it('`filings worker -c` takes a number of reader threads only: anything else is a usage error (exit 2) before Redis is asked', async () => {
  for (const bad of ['abc', '0', '-1', '2.5']) {
    const run = await filings(['worker', '-c', bad], { REDIS_URL: redis.url });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--concurrency <n>' argument '.*' is invalid\. a number of threads, 1 to 999/);
  }
});
