// `filings worker`: a BullMQ worker whose jobs read on a pool of reader threads. SIGTERM drains (no new
// jobs, the jobs in hand finish) within a grace period, and ends the process even while Redis is
// unreachable; a worker killed outright leaves its jobs to stalled-job recovery, and since writes are
// idempotent, a job run twice stores nothing twice.
import os from 'node:os';
import { Worker } from 'bullmq';
import { createReaderPool } from '../src/guard/reader-pool.ts';
import type { JobInput, JobResult } from '../src/import/job.ts';
import { oneLine } from '../src/text/one-line.ts';
import { QUEUE_NAME, redisOptions } from './connection.ts';
import { NAME_JOB } from './name-job.ts';
import { jobProcessor } from './process-job.ts';

const ms = (name: string, fallback: number) => Number(process.env[name]) || fallback;

export async function runWorker(opts: { threads?: number; log?: (line: string) => void } = {}): Promise<number> {
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const readers = createReaderPool({ threads: opts.threads ?? Math.max(1, os.availableParallelism()) });
  const processor = jobProcessor(readers);
  const worker = new Worker<JobInput, JobResult>(QUEUE_NAME, processor, {
    connection: redisOptions('worker'),
    // Two jobs per reader thread, as the embedded import keeps two files per thread in hand: while one
    // job's records go to the store and its end to Redis, its thread is already reading the next file.
    // Three alternating runs of 6000 forms took 57-65 s with one job per thread, 53-62 s with two.
    concurrency: readers.threads * 2,
    lockDuration: ms('FILINGS_LOCK_MS', 30_000),
    stalledInterval: ms('FILINGS_STALLED_MS', 30_000),
    maxStalledCount: 3,
  });
  worker.on('completed', (job, result) =>
    log(`filings worker: ${oneLine(job.data.path)}: ${job.name === NAME_JOB ? 'name recorded' : result.status}${result.status === 'stored' ? ` (${result.forms} forms${result.formsWithUnreadableAmounts ? `, ${result.formsWithUnreadableAmounts} with unreadable amounts` : ''})` : ''}`),
  );
  worker.on('failed', (job, err) => {
    if (!job) return;
    const final = job.attemptsMade >= (job.opts.attempts ?? 1) || err.name === 'UnrecoverableError';
    log(`filings worker: ${oneLine(job.data.path)}: ${final ? 'failed' : `will retry (attempt ${job.attemptsMade})`}: ${oneLine(err.message)}`);
  });
  // While Redis is away ioredis reconnects on its own and reports every failed attempt: say it once,
  // then again every half minute, and say when it is back.
  let unreachableSince = 0;
  let lastSaid = 0;
  worker.on('error', (err) => {
    const now = Date.now();
    if (!unreachableSince) unreachableSince = now;
    if (now - lastSaid < 30_000) return;
    lastSaid = now;
    log(`filings worker: Redis unreachable (${err.message}); reconnecting${unreachableSince < now ? ` for ${Math.round((now - unreachableSince) / 1000)} s` : ''}`);
  });
  worker.on('ready', () => {
    log(unreachableSince ? 'filings worker: Redis reachable again' : `filings worker: ready (queue ${QUEUE_NAME})`);
    unreachableSince = 0;
    lastSaid = 0;
  });

  const graceMs = ms('FILINGS_WORKER_GRACE_S', 10) * 1000;
  const signal = await new Promise<string>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  log(`filings worker: ${signal}: finishing the jobs in hand, taking no new ones`);
  let timer: NodeJS.Timeout | undefined;
  const drained = await Promise.race([
    worker.close().then(() => true),
    new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), graceMs);
    }),
  ]);
  clearTimeout(timer);
  if (!drained) {
    log(`filings worker: could not finish within ${graceMs / 1000} s (FILINGS_WORKER_GRACE_S)${unreachableSince ? ', Redis unreachable' : ''}; stopping now, unfinished jobs will be taken up again`);
    void worker.close(true).catch(() => {});
  }
  await readers.close();
  await processor.close();
  return drained ? 0 : 1;
}
