// `filings worker`: BullMQ workers with sandboxed processors. SIGTERM drains (no new jobs, the jobs in
// hand finish); a worker killed outright leaves its jobs to stalled-job recovery, and since writes are
// idempotent, a job run twice stores nothing twice.
import os from 'node:os';
import { Worker } from 'bullmq';
import type { JobInput, JobResult } from '../src/import/job.ts';
import { QUEUE_NAME, redisOptions } from './connection.ts';

const ms = (name: string, fallback: number) => Number(process.env[name]) || fallback;

export async function runWorker(opts: { concurrency?: number; log?: (line: string) => void } = {}): Promise<void> {
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const worker = new Worker<JobInput, JobResult>(QUEUE_NAME, new URL('./processor.mjs', import.meta.url), {
    connection: redisOptions('worker'),
    concurrency: opts.concurrency ?? Math.max(1, os.availableParallelism()),
    lockDuration: ms('FILINGS_LOCK_MS', 30_000),
    stalledInterval: ms('FILINGS_STALLED_MS', 30_000),
    maxStalledCount: 3,
    useWorkerThreads: false,
  });
  worker.on('completed', (job, result) => log(`filings worker: ${job.data.path}: ${result.status}${result.status === 'stored' ? ` (${result.forms} forms)` : ''}`));
  worker.on('failed', (job, err) => {
    if (!job) return;
    const final = job.attemptsMade >= (job.opts.attempts ?? 1) || err.name === 'UnrecoverableError';
    log(`filings worker: ${job.data.path}: ${final ? 'failed' : `will retry (attempt ${job.attemptsMade})`}: ${err.message}`);
  });
  worker.on('error', (err) => log(`filings worker: ${err.message}`));

  await new Promise<void>((resolve) => {
    const drain = async (signal: string) => {
      log(`filings worker: ${signal}: finishing the jobs in hand, taking no new ones`);
      await worker.close();
      resolve();
    };
    process.once('SIGTERM', () => void drain('SIGTERM'));
    process.once('SIGINT', () => void drain('SIGINT'));
    worker.on('ready', () => log(`filings worker: ready (queue ${QUEUE_NAME})`));
  });
}
