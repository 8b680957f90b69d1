// Redis down, hung or gone mid-command: `filings enqueue` and `filings status` say so in one line and
// exit 2 within seconds, and enqueue copies nothing first. BullMQ alone would wait forever.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { QueueError } from '../../workers/errors.ts';
import { withQueue } from '../../workers/queue.ts';
import { fixture, root, type Run } from '../helpers/cli.ts';
import { freePort, startRedis, type RedisServer } from '../helpers/redis.ts';
import { tmpDir } from '../helpers/tmp.ts';

const tmp = tmpDir('filings-redis-down-');
afterAll(() => tmp.remove());

/** The real CLI, killed if it is still waiting after `limitMs`: a hang fails the test instead of stalling it. */
function timedFilings(args: string[], env: NodeJS.ProcessEnv, limitMs = 90_000): Promise<Run & { seconds: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(root, 'bin/filings.js'), ...args], { cwd: root, env: { ...process.env, ...env }, timeout: limitMs }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? -1) : 0, stdout, stderr, seconds: (performance.now() - started) / 1000 }),
    );
  });
}

/** The same queue code in this process, where no CLI start-up blurs the time. */
async function timedWithQueue(url: string, use: Parameters<typeof withQueue>[0] = async () => {}) {
  const saved = process.env.REDIS_URL;
  process.env.REDIS_URL = url;
  const started = performance.now();
  try {
    await withQueue(use);
    return { error: undefined, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    return { error: error as QueueError, seconds: (performance.now() - started) / 1000 };
  } finally {
    if (saved === undefined) delete process.env.REDIS_URL;
    else process.env.REDIS_URL = saved;
  }
}

describe('Redis stopped', () => {
  let url: string;
  let port: number;
  beforeAll(async () => {
    const redis = await startRedis();
    ({ url, port } = redis);
    await redis.stop(); // a port where Redis was and no longer listens
  });

  // The commands wait on processes of their own and name their Redis themselves, so they run beside
  // each other and beside one test in this process (two here would share process.env.REDIS_URL).
  it.concurrent('enqueue says it cannot reach Redis, exits 2, and has copied nothing', async () => {
    const uploads = path.join(tmp.dir, 'uploads');
    const run = await timedFilings(['enqueue', fixture('seed.md')], { REDIS_URL: url, FILINGS_UPLOADS: uploads });
    expect(run.stderr).toBe(`filings: cannot reach Redis at ${url} (connect ECONNREFUSED 127.0.0.1:${port})\n`);
    expect(run.code).toBe(2);
    expect(run.seconds).toBeLessThan(60); // mostly the CLI starting up on a busy machine; it used to wait forever
    expect(fs.existsSync(uploads)).toBe(false);
  });

  it.concurrent('status says it cannot reach Redis and exits 2', async () => {
    const run = await timedFilings(['status'], { REDIS_URL: url });
    expect(run.stderr).toBe(`filings: cannot reach Redis at ${url} (connect ECONNREFUSED 127.0.0.1:${port})\n`);
    expect(run.stdout).toBe('');
    expect(run.code).toBe(2);
    expect(run.seconds).toBeLessThan(60);
  });

  it.concurrent('the queue gives up within 3 s (three reconnects), not at the 5 s deadline', async () => {
    const { error, seconds } = await timedWithQueue(url);
    expect(error).toBeInstanceOf(QueueError);
    expect(error?.code).toBe('redis_unreachable');
    expect(seconds).toBeLessThan(3);
  });

  it('the password in REDIS_URL stays out of the message', async () => {
    const { error } = await timedWithQueue(`redis://:s3cret@127.0.0.1:${port}/2`);
    expect(error?.message).toBe(`cannot reach Redis at redis://127.0.0.1:${port}/2 (connect ECONNREFUSED 127.0.0.1:${port})`);
  });
});

// One test in this process and one command, side by side: both wait out the same 5 s deadline.
describe.concurrent('Redis hung', () => {
  // Takes connections and never answers: a stopped (SIGSTOP) Redis, a proxy with nothing behind it.
  let silent: net.Server;
  const sockets: net.Socket[] = [];
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    silent = net.createServer((s) => sockets.push(s));
    await new Promise<void>((resolve) => silent.listen(port, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('the queue gives up at its 5 s deadline and says there was no answer', async () => {
    const { error, seconds } = await timedWithQueue(`redis://127.0.0.1:${port}`);
    expect(error?.message).toBe(`cannot reach Redis at redis://127.0.0.1:${port} (no answer within 5 s)`);
    expect(seconds).toBeGreaterThanOrEqual(4.9);
    expect(seconds).toBeLessThan(7);
  });

  it('status says so too, and exits 2', async () => {
    const run = await timedFilings(['status'], { REDIS_URL: `redis://127.0.0.1:${port}` });
    expect(run.stderr).toBe(`filings: cannot reach Redis at redis://127.0.0.1:${port} (no answer within 5 s)\n`);
    expect(run.code).toBe(2);
  });
});

describe('Redis gone mid-command', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterEach(async () => {
    await redis.stop();
  });

  it('a command after Redis went away fails as "lost Redis" within seconds, and the queue still closes', async () => {
    const { error, seconds } = await timedWithQueue(redis.url, async (queue) => {
      await queue.getJobCounts('waiting');
      await redis.stop();
      await queue.getJobCounts('waiting');
    });
    expect(error).toBeInstanceOf(QueueError);
    expect(error?.code).toBe('redis_lost');
    expect(error?.message).toMatch(new RegExp(`^lost Redis at ${redis.url} \\(`));
    expect(seconds).toBeLessThan(5);
  });
});
