// The `filings` command line. Each subcommand lives in its own module; this file only wires them.
import { Command } from 'commander';
import { parseCommand } from './parse.ts';

const program = new Command('filings')
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

await program.parseAsync(process.argv);
