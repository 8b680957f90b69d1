// The queue's commands at the CLI's edge: status --json, and the exit codes enqueue and status share
// with the rest (1: a named path that isn't there; 2: Redis out of reach, said within a timeout).
import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { filings, fixture } from '../helpers/cli.ts';
import { freePort, startRedis, type RedisServer } from '../helpers/redis.ts';
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

it.each([['status'], ['enqueue', fixture('seed.md')]])('Redis out of reach: `filings %s` says so within the timeout, exit 2, and keeps nothing', async (...args) => {
  const url = `redis://:secret@127.0.0.1:${await freePort()}`;
  const cwd = fs.mkdtempSync(`${tmp.dir}/cwd-`);
  const started = Date.now();
  const run = await filings(args, { REDIS_URL: url, FILINGS_REDIS_TIMEOUT_S: '1', FILINGS_UPLOADS: undefined }, { cwd });
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/^filings: Redis unreachable at redis:\/\/:\*\*\*@127\.0\.0\.1:\d+ \(REDIS_URL\): no answer within 1 s.*\n$/);
  expect(run.stdout).toBe('');
  expect(Date.now() - started).toBeLessThan(60_000);
  expect(fs.readdirSync(cwd)).toEqual([]);
}, 90_000);
