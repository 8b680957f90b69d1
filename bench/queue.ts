// CPU per form through the queue, every process counted: the `enqueue` command, the worker (its reader
// threads included) and redis-server. What one form costs there, beside the embedded import, predicts a
// cluster better than timing 2 workers against 1 on a 2-core machine, where one worker already keeps
// both cores busy.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import type { RedisServer } from '../tests/helpers/redis.ts';
import { processCpuMs, root, runFilings } from './processes.ts';

export interface QueueCost {
  forms: number;
  seconds: number;
  enqueueMs: number;
  workerMs: number;
  redisMs: number;
}

export async function queueCost(dir: string, warmup: string, redis: RedisServer): Promise<QueueCost> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'filings-bench-q-'));
  const env = { REDIS_URL: redis.url, FILINGS_DB: path.join(tmp, 'f.db'), FILINGS_UPLOADS: path.join(tmp, 'up') };
  const queue = new Queue('filings-import', { connection: { url: redis.url } as never });
  await queue.obliterate({ force: true });
  // Polled rarely, so that the benchmark's own questions cost Redis next to nothing.
  const drained = async () => {
    for (;;) {
      const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'paused');
      if (c.waiting + c.active + c.delayed + (c.prioritized ?? 0) + (c.paused ?? 0) === 0) return;
      await new Promise((r) => setTimeout(r, 250));
    }
  };
  const worker = spawn(process.execPath, [path.join(root, 'bin/filings.js'), 'worker'], { cwd: root, env: { ...process.env, ...env }, stdio: 'ignore' });
  try {
    // Warm up (worker start, reader threads, store open) on other files first.
    runFilings(['enqueue', warmup], env);
    await drained();
    const redis0 = processCpuMs(redis.pid);
    const worker0 = processCpuMs(worker.pid!);
    const t = performance.now();
    const enqueue = runFilings(['enqueue', '--json', dir], env);
    await drained();
    const seconds = (performance.now() - t) / 1000;
    const workerMs = processCpuMs(worker.pid!) - worker0;
    const redisMs = processCpuMs(redis.pid) - redis0;
    // One form per file in the corpus.
    const forms = (JSON.parse(enqueue.stdout) as { added: number }).added;
    return { forms, seconds, enqueueMs: enqueue.cpuMs, workerMs, redisMs };
  } finally {
    worker.kill('SIGTERM');
    await new Promise((r) => worker.once('exit', r));
    await queue.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
