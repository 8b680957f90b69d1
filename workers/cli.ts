// The queue's commands, added to the `filings` program at the edge (bin/), so that src/ never
// depends on the transport.
import type { Queue } from 'bullmq';
import type { Command } from 'commander';
import type { JobInput } from '../src/import/job.ts';
import { UploadStore } from '../src/import/uploads.ts';
import { oneLine } from '../src/text/one-line.ts';
import { enqueue } from './enqueue.ts';
import { QueueError } from './errors.ts';
import { withQueue } from './queue.ts';
import { queueStatus } from './status.ts';
import { runWorker } from './worker.ts';

export function addQueueCommands(program: Command): void {
  program
    .command('enqueue')
    .description('queue files and folders for the workers (needs REDIS_URL); originals go to the upload store')
    .argument('<paths...>', 'files or folders')
    .option('--strict', 'exit 1 when any path could not be read (they are listed either way)')
    .action(async (paths: string[], opts: { strict?: boolean }) => {
      // Redis is asked first: nothing is walked or copied for a queue that isn't there.
      await queueCommand(async (queue) => {
        const s = await enqueue(queue, paths, new UploadStore());
        for (const f of s.failed) process.stderr.write(`filings: ${oneLine(f.path)}: ${oneLine(f.message)}\n`);
        process.stderr.write(
          `filings: queued ${s.added} new, ${s.requeued} failed before and queued again, ${s.alreadyQueued} already queued or done, ${s.skipped} skipped (not Word, Excel or Markdown)\n`,
        );
        // As `filings import`: what could not be read is listed, and the run itself still succeeded.
        process.exitCode = opts.strict && s.failed.length ? 1 : 0;
      });
    });

  program
    .command('worker')
    .description('run queue workers until SIGTERM (needs REDIS_URL; the store from FILINGS_DB or DATABASE_URL)')
    .option('-c, --concurrency <n>', 'jobs at once (default: the number of cores)', (v) => Number(v))
    .action(async (opts: { concurrency?: number }) => {
      // Exit outright: after a forced stop a connection to an unreachable Redis may still be retrying.
      process.exit(await runWorker({ concurrency: opts.concurrency }));
    });

  program
    .command('status')
    .description('queue counts and the last failures (needs REDIS_URL)')
    .action(async () => {
      await queueCommand(async (queue) => {
        process.stdout.write(`${(await queueStatus(queue)).join('\n')}\n`);
      });
    });
}

/** Redis unreachable, lost or not configured: one line and exit 2, as for any run that could not be made. */
async function queueCommand(run: (queue: Queue<JobInput>) => Promise<void>): Promise<void> {
  try {
    await withQueue(run);
  } catch (e) {
    if (!(e instanceof QueueError)) throw e;
    process.stderr.write(`filings: ${e.message}\n`);
    process.exitCode = 2;
  }
}
