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

/**
 * One import job per content, its sha256 the job id. BullMQ ignores an add whose id it still holds,
 * so a failed job (the store was down, say) is retried with the new data instead; a waiting, running
 * or finished one is left as it is. Says which it was, and hands back the existing job's data.
 */
export async function addImportJob(queue: Queue<JobInput>, data: JobInput): Promise<{ did: 'added' | 'requeued' | 'present'; existing?: JobInput }> {
  const existing = await queue.getJob(data.sha256);
  const state = existing ? await existing.getState() : 'unknown';
  if (existing && state === 'failed') {
    await existing.updateData(data);
    await existing.retry('failed');
    return { did: 'requeued' };
  }
  if (existing && state !== 'unknown') return { did: 'present', existing: existing.data };
  await queue.add('import', data, { jobId: data.sha256 });
  return { did: 'added' };
}
