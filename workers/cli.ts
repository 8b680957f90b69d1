// The queue's commands, added to the `filings` program at the edge (bin/), so that src/ never
// depends on the transport. bullmq is loaded only when a queue command runs.
import type { Queue } from 'bullmq';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { CliError, EXIT } from '../src/cli/exit-codes.ts';
import { printJson } from '../src/cli/json-output.ts';
import type { JobInput } from '../src/import/job.ts';
import { oneLine } from '../src/text/one-line.ts';
import { QueueError } from './errors.ts';

function threadCount(v: string): number {
  if (!/^[1-9]\d{0,2}$/.test(v)) throw new InvalidArgumentError('a number of threads, 1 to 999');
  return Number(v);
}

const jsonOption = () => new Option('--json', 'print the result as one JSON document on stdout (messages stay on stderr)');

export function addQueueCommands(program: Command): void {
  program
    .command('enqueue')
    .description('queue files and folders for the workers (needs REDIS_URL); originals go to the upload store')
    .argument('<paths...>', 'files or folders')
    .addOption(jsonOption())
    .action(async (paths: string[], opts: { json?: boolean }) => {
      // Redis is asked first: nothing is walked or copied for a queue that isn't there.
      await queueCommand(async (queue) => {
        const [{ enqueue }, { UploadStore }] = await Promise.all([import('./enqueue.ts'), import('../src/import/uploads.ts')]);
        const s = await enqueue(queue, paths, new UploadStore());
        for (const f of s.failed) process.stderr.write(`filings: ${oneLine(f.path)}: ${oneLine(f.message)}\n`);
        process.stderr.write(
          `filings: queued ${s.added} new, ${s.requeued} failed before and queued again, ${s.alreadyQueued} already queued or done (${s.newNames} under a new name), ${s.skipped} skipped (not Word, Excel or Markdown)\n`,
        );
        if (opts.json) printJson(s);
        // As `filings import`: the run went through, and a path that could not be read makes it exit 1.
        process.exitCode = s.failed.length ? EXIT.inputsFailed : EXIT.done;
      });
    });

  program
    .command('worker')
    .description('run queue workers until SIGTERM (needs REDIS_URL; the store from FILINGS_DB or DATABASE_URL)')
    .option('-c, --concurrency <n>', 'reader threads (default: the number of cores); each has two jobs in hand', threadCount)
    .action(async (opts: { concurrency?: number }) => {
      // Exit outright: after a forced stop a connection to an unreachable Redis may still be retrying.
      const { runWorker } = await import('./worker.ts');
      process.exit(await runWorker({ threads: opts.concurrency }));
    });

  program
    .command('status')
    .description('queue counts and the last failures (needs REDIS_URL)')
    .addOption(jsonOption())
    .action(async (opts: { json?: boolean }) => {
      await queueCommand(async (queue) => {
        const { queueState, queueStatusLines } = await import('./status.ts');
        const state = await queueState(queue);
        if (opts.json) printJson(state);
        else process.stdout.write(`${queueStatusLines(state).join('\n')}\n`);
      });
    });
}

/** Redis unreachable, lost or not configured is an environment error: one line and exit 2. */
async function queueCommand(run: (queue: Queue<JobInput>) => Promise<void>): Promise<void> {
  const { withQueue } = await import('./queue.ts');
  try {
    await withQueue(run);
  } catch (e) {
    throw e instanceof QueueError ? new CliError(e.code, e.message, EXIT.usage) : e;
  }
}
