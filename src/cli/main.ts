// The `filings` command line. Each subcommand lives in its own module; this file only wires them.
// bin/filings.js adds the queue's commands (workers/) and runs it.
import { Command } from 'commander';
import { failuresCommand } from './failures.ts';
import { importCommand } from './import.ts';
import { parseCommand } from './parse.ts';

export const program = new Command('filings')
  .description('Read budget performance-target filing forms (Word, Excel, Markdown) into validated records')
  .showHelpAfterError();

program
  .command('parse')
  .description('print the records of each FILE as one JSON array')
  .argument('<files...>', 'Word (.docx), Excel (.xlsx, .xls) or Markdown files')
  .option('-v, --verbose', 'tell on stderr what the reader repaired or could not read')
  .action(async (files: string[], opts: { verbose?: boolean }) => {
    process.exitCode = await parseCommand(files, opts);
  });

const storeFlags = (cmd: Command) =>
  cmd
    .option('--db <file>', 'SQLite store (default ./data/filings.db, or FILINGS_DB; DATABASE_URL=postgres://… for PostgreSQL)')
    .option('--uploads <dir>', 'where originals are kept (default ./data/uploads, or FILINGS_UPLOADS)');

storeFlags(
  program
    .command('import')
    .description('import files and folders (recursively) into the store; stored files are skipped')
    .argument('<paths...>', 'files or folders')
    .option('-v, --verbose', 'also tell what the reader repaired, per file')
    .option('--strict', 'exit 1 when any file failed (failures are listed and stored either way)'),
).action(async (paths: string[], opts) => {
  process.exitCode = await importCommand(paths, opts);
});

storeFlags(
  program
    .command('reparse')
    .description('read the stored originals again with the current reader and update their records')
    .option('--failed', 'only the files whose last import failed'),
).action(async (opts) => {
  process.exitCode = await importCommand([], { ...opts, reparse: opts.failed ? 'failed' : 'all' });
});

storeFlags(program.command('failures').description('list the files that could not be read, with the reason')).action(async (opts) => {
  process.exitCode = await failuresCommand(opts);
});

