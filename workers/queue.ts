// The import queue and how its jobs are retried: bad input fails at once (UnrecoverableError in the
// processor), anything else (database busy, Redis hiccup) retries with exponential backoff.
import { Queue, type JobsOptions } from 'bullmq';
import type { JobInput } from '../src/import/job.ts';
import { redactUrl } from '../src/store/errors.ts';
import { QUEUE_NAME, redisOptions } from './connection.ts';

export const jobOptions: JobsOptions = {
  attempts: 6,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { count: 100_000 },
  removeOnFail: { count: 100_000 },
};

export function openQueue(): Queue<JobInput> {
  return new Queue<JobInput>(QUEUE_NAME, { connection: redisOptions('client'), defaultJobOptions: jobOptions });
}

/** Redis gave no answer in time: a command that needs the queue says so instead of waiting forever. */
export class RedisUnreachableError extends Error {
  readonly code = 'redis_unreachable';
  constructor(message: string) {
    super(message);
    this.name = 'RedisUnreachableError';
  }
}

/**
 * The queue, once its Redis answers. The connection retries forever (right for a worker riding out an
 * outage); `enqueue` and `status` are run by people and scripts who need an answer, so they wait
 * FILINGS_REDIS_TIMEOUT_S (default 10 s) at most.
 */
export async function openReadyQueue(timeoutMs = (Number(process.env.FILINGS_REDIS_TIMEOUT_S) || 10) * 1000): Promise<Queue<JobInput>> {
  const queue = openQueue();
  let last: Error | undefined;
  queue.on('error', (e) => {
    last = e;
  });
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const where = redactUrl(process.env.REDIS_URL ?? '');
      reject(new RedisUnreachableError(`Redis unreachable at ${where} (REDIS_URL): no answer within ${timeoutMs / 1000} s${last ? `: ${last.message}` : ''}`));
    }, timeoutMs);
  });
  try {
    await Promise.race([queue.waitUntilReady(), gaveUp]);
    return queue;
  } catch (e) {
    // Not awaited: closing a connection that never opened may wait on the very reconnects given up on.
    void queue.close().catch(() => {});
    throw e;
  } finally {
    clearTimeout(timer);
  }
}
