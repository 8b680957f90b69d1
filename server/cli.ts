// `filings serve`, added to the program at the edge (bin/) beside the queue's commands: the service
// on the CLI's store. Uploaded files are read by queue workers when REDIS_URL is set, else here.
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { EXIT } from '../src/cli/exit-codes.ts';
import { storeOptions, type StoreFlags } from '../src/cli/store-options.ts';

const port = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('a port number, 0-65535');
  return n;
};

export function addServeCommand(program: Command): void {
  program
    .command('serve')
    .description('the upload API and the auditors\' web workspace (tokens: filings token add); REDIS_URL set: files go to queue workers')
    .option('--port <port>', 'port to listen on', port, 8080)
    .option('--host <host>', 'address to listen on (0.0.0.0 for every interface)', '127.0.0.1')
    .option('--db <file>', 'SQLite store (default ./data/filings.db, or FILINGS_DB; DATABASE_URL=postgres://… for PostgreSQL)')
    .option('--uploads <dir>', 'where originals are kept (default ./data/uploads, or FILINGS_UPLOADS)')
    .action(async (opts: StoreFlags & { port: number; host: string }) => {
      const { serve } = await import('./serve.ts');
      await serve(storeOptions(opts), opts);
      process.exitCode = EXIT.done;
    });
}
