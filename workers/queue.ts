// The import queue and how its jobs are retried: bad input fails at once (UnrecoverableError in the
// processor), anything else (database busy, Redis hiccup) retries with exponential backoff.
import { Queue, type JobsOptions } from 'bullmq';
import type { JobInput } from '../src/import/job.ts';
import { QUEUE_NAME, redisOptions } from './connection.ts';
import { lostRedis, whenReachable } from './reachable.ts';

export const jobOptions: JobsOptions = {
  attempts: 6,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { count: 100_000 },
  removeOnFail: { count: 100_000 },
};

export function openQueue(): Queue<JobInput> {
  return new Queue<JobInput>(QUEUE_NAME, { connection: redisOptions('client'), defaultJobOptions: jobOptions });
}

/** Runs `use` on the queue once its Redis has answered; Redis unreachable or lost is a QueueError. */
export async function withQueue<T>(use: (queue: Queue<JobInput>) => Promise<T>): Promise<T> {
  const queue = openQueue();
  try {
    await whenReachable(queue);
    return await use(queue).catch((e: unknown) => {
      throw lostRedis(e) ?? e;
    });
  } finally {
    await queue.close();
  }
}
