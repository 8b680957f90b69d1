// A worker whose Redis has gone away keeps reconnecting and says so, and SIGTERM still ends it within
// its grace period: a deployment must be able to stop it.
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { freePort, startRedis, type RedisServer } from '../helpers/redis.ts';
import { tmpDir } from '../helpers/tmp.ts';
import { startWorker, waitFor, type WorkerProcess } from '../helpers/workers.ts';

let worker: WorkerProcess | undefined;
let redis: RedisServer | undefined;
const tmp = tmpDir();
afterEach(async () => {
  worker?.kill('SIGKILL');
  await redis?.stop();
});

const env = (url: string) => ({
  REDIS_URL: url,
  FILINGS_DB: path.join(tmp.dir, 'filings.db'),
  FILINGS_UPLOADS: path.join(tmp.dir, 'uploads'),
  FILINGS_WORKER_GRACE_S: '3',
});

it('a worker started with Redis unreachable logs it and ends on SIGTERM within its grace period', async () => {
  worker = startWorker(env(`redis://127.0.0.1:${await freePort()}`), ['-c', '1']);
  await waitFor('the worker to say Redis is unreachable', async () => /Redis unreachable/.test(worker!.log.join('')), 60_000);
  const asked = Date.now();
  worker.kill('SIGTERM');
  const code = await worker.exited;
  expect(Date.now() - asked).toBeLessThan(3000 + 5000);
  expect(code).not.toBeNull();
  expect(worker.log.join('')).toMatch(/SIGTERM: finishing the jobs in hand/);
  // Said once (then every half minute), not on every reconnect attempt.
  expect(worker.log.join('').match(/Redis unreachable/g)!.length).toBe(1);
}, 90_000);

it('a worker whose Redis stops while it waits for jobs ends on SIGTERM within its grace period', async () => {
  redis = await startRedis();
  worker = startWorker(env(redis.url), ['-c', '1']);
  await waitFor('the worker to be ready', async () => /ready \(queue/.test(worker!.log.join('')), 60_000);
  await redis.stop();
  redis = undefined;
  await waitFor('the worker to notice', async () => /Redis unreachable/.test(worker!.log.join('')), 30_000);
  const asked = Date.now();
  worker.kill('SIGTERM');
  await worker.exited;
  expect(Date.now() - asked).toBeLessThan(3000 + 5000);
}, 90_000);
