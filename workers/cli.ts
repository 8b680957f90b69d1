// The queue's commands, added to the `filings` program at the edge (bin/), so that src/ never
// depends on the transport.
import { Option, type Command } from 'commander';
import { CliError, EXIT } from '../src/cli/exit-codes.ts';
import { printJson } from '../src/cli/json-output.ts';
import { UploadStore } from '../src/import/uploads.ts';
import { enqueue } from './enqueue.ts';
import { openReadyQueue, RedisUnreachableError } from './queue.ts';
import { queueState, queueStatusLines } from './status.ts';
import { runWorker } from './worker.ts';

/** The queue once Redis answers; a Redis out of reach is an environment error (exit 2). */
async function readyQueue() {
  try {
    return await openReadyQueue();
  } catch (e) {
    throw e instanceof RedisUnreachableError ? new CliError(e.code, e.message, EXIT.usage) : e;
  }
}

export function addQueueCommands(program: Command): void {
  program
    .command('enqueue')
    .description('queue files and folders for the workers (needs REDIS_URL); originals go to the upload store')
    .argument('<paths...>', 'files or folders')
    .action(async (paths: string[]) => {
      const queue = await readyQueue();
      try {
        const s = await enqueue(queue, paths, new UploadStore());
        for (const m of s.missing) process.stderr.write(`filings: ${m}: no such file or folder\n`);
        process.stderr.write(
          `filings: queued ${s.added} new, ${s.requeued} failed before and queued again, ${s.alreadyQueued} already queued or done, ${s.skipped} skipped (not Word, Excel or Markdown)\n`,
        );
        // A named path that isn't there is a failed input, as in `filings import`.
        process.exitCode = s.missing.length ? EXIT.inputsFailed : EXIT.done;
      } finally {
        await queue.close();
      }
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
    .addOption(new Option('--json', 'print the counts and failures as one JSON document on stdout'))
    .action(async (opts: { json?: boolean }) => {
      const queue = await readyQueue();
      try {
        const state = await queueState(queue);
        if (opts.json) printJson(state);
        else process.stdout.write(`${queueStatusLines(state).join('\n')}\n`);
      } finally {
        await queue.close();
      }
    });
}
