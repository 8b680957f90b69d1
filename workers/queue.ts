// The import queue and how its jobs are retried: bad input fails at once (UnrecoverableError in the
// processor), anything else (database busy, Redis hiccup) retries with exponential backoff.
import { Queue, type JobsOptions } from 'bullmq';
import type { JobInput } from '../src/import/job.ts';
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
