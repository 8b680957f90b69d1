// The `filings` command line. Each subcommand lives in its own module; this file only wires them, and
// loads a command's module when it runs, so that `--help` or `list` never load parsers, mammoth or the
// Parquet writer.
// bin/filings.js adds the queue's commands (workers/) and runs it. Exit codes: exit-codes.ts.
import fs from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { EXPORT_FORMATS } from '../export/table-writer.ts';

// src/cli/ in the sources, dist/src/cli/ compiled: the package's own package.json is the nearest one up.
const packageJson = ['../../package.json', '../../../package.json'].map((p) => new URL(p, import.meta.url)).find((u) => fs.existsSync(u));
const { version } = JSON.parse(fs.readFileSync(packageJson ?? new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

export const program = new Command('filings')
  .description('Read budget performance-target filing forms (Word, Excel, Markdown) into validated records')
  .version(version, '-V, --version', 'print the version of filings')
  .showHelpAfterError()
  // Commander exits 1 on a usage error, which the exit-code table keeps for failed inputs: it throws
  // instead (here, before any subcommand exists, so that every one inherits it) and the edge decides.
  .exitOverride();

/** One JSON document on stdout instead of the text output; messages stay on stderr. */
export const jsonOption = () => new Option('--json', 'print the result as one JSON document on stdout (messages stay on stderr)');

program
  .command('parse')
  .description('print the records of each FILE as one JSON array')
  .argument('<files...>', 'Word (.docx, .doc, .wps), Excel (.xlsx, .xls, .et) or Markdown files')
  .option('-v, --verbose', 'tell on stderr what the reader repaired or could not read')
  .action(async (files: string[], opts: { verbose?: boolean }) => {
    process.exitCode = await (await import('./parse.ts')).parseCommand(files, opts);
  });

program
  .command('schema')
  .description('print the JSON Schema of the records that parse prints and the store holds (docs/record.md explains it)')
  .action(async () => {
    const { recordJsonSchemaText } = await import('../schema-json.ts');
    process.stdout.write(recordJsonSchemaText());
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
    .addOption(jsonOption()),
).action(async (paths: string[], opts) => {
  process.exitCode = await (await import('./import.ts')).importCommand(paths, opts);
});

storeFlags(
  program
    .command('reparse')
    .description('read the stored originals again with the current reader and update the records that changed')
    .option('--failed', 'only the files whose last import failed')
    .addOption(jsonOption()),
).action(async (opts) => {
  process.exitCode = await (await import('./import.ts')).importCommand([], { ...opts, reparse: opts.failed ? 'failed' : 'all' });
});

storeFlags(
  program
    .command('failures')
    .description('list the files that could not be read, with the reason')
    .addOption(jsonOption()),
).action(async (opts) => {
  process.exitCode = await (await import('./failures.ts')).failuresCommand(opts);
});

storeFlags(program.command('migrate').description('bring an existing store up to date after an upgrade of filings')).action(async (opts) => {
  process.exitCode = await (await import('./migrate.ts')).migrateCommand(opts);
});


const year = (v: string): number => {
  if (!/^\d{4}$/.test(v)) throw new InvalidArgumentError('a year such as 2023');
  return Number(v);
};
const outputFlags = (cmd: Command) =>
  cmd
    .option('--csv <file>', 'write CSV instead of printing (one file per table: FILE, then FILE.<table>.csv)')
    .option('--xlsx <file>', 'write an Excel workbook instead of printing (one sheet per table, and notes)')
    .addOption(jsonOption().conflicts(['csv', 'xlsx']));

storeFlags(
  program
    .command('list')
    .description('list the stored filings, one line each')
    .option('--year <year>', 'fiscal year', year)
    .option('--department <name|code>', 'part of the department name, or its code')
    .option('--project <name>', 'part of the project name')
    .option('--level1 <label|code>', 'with an indicator under this level 1 (产出指标, output, …)')
    .option('--level2 <label|code>', 'with an indicator under this level 2 (成本指标, cost, …)')
    .option('--warnings', 'only filings with a content warning (funding that does not add up, …)')
    .option('--findings [codes...]', 'only filings with a review finding (of these rules, if given; see filings review)')
    .addOption(new Option('--sort <key>', 'order of the lines').choices(['year', 'department', 'project', 'funding', 'indicators']))
    .addOption(jsonOption()),
).action(async (opts) => {
  process.exitCode = await (await import('./list.ts')).listCommand(opts);
});

storeFlags(
  outputFlags(
    program
      .command('show')
      .description('one stored filing in full: header, funding, goals, indicators, empty groups, review findings, file names')
      .argument('[id]', 'the filing id, or a prefix of it that names one filing (as list shows it: 1a2b3c4d5e:0)')
      .option('--project <name>', 'instead of an id: the project (with --year)')
      .option('--year <year>', 'instead of an id: the fiscal year (with --project)', year)
      .option('--department <name|code>', 'the department, where several file a project of that name'),
  ),
).action(async (id: string | undefined, opts) => {
  process.exitCode = await (await import('./show.ts')).showCommand(id, opts);
});

storeFlags(
  outputFlags(
    program
      .command('review')
      .description('check the stored filings against the review rules: one finding per filing and rule (README: Review)')
      .option('--year <year>', 'fiscal year', year)
      .option('--department <name|code>', 'part of the department name, or its code')
      .option('--project <name>', 'part of the project name')
      .option('--level1 <label|code>', 'with an indicator under this level 1 (产出指标, output, …)')
      .option('--level2 <label|code>', 'with an indicator under this level 2 (成本指标, cost, …)')
      .option('--code <codes...>', 'only these rules (no_cost_indicator, target_lowered, …; a comma list works too)'),
  ),
).action(async (opts) => {
  process.exitCode = await (await import('./review.ts')).reviewCommand(opts);
});

const token = program.command('token').description('who may use filings serve: API tokens with a role (uploader, auditor, admin)');

storeFlags(
  token
    .command('add')
    .description('make a token; it is printed alone on stdout, this once (the store keeps only its hash)')
    .argument('<name>', 'who it is for: a department, a person')
    .addOption(new Option('--role <role>', 'uploader: uploads and sees its own uploads; auditor: reads everything; admin: both').choices(['uploader', 'auditor', 'admin']).makeOptionMandatory())
    .addOption(jsonOption()),
).action(async (name: string, opts) => {
  process.exitCode = await (await import('./token.ts')).tokenAddCommand(name, opts);
});

storeFlags(token.command('list').description('list the tokens (never the tokens themselves)').addOption(jsonOption())).action(async (opts) => {
  process.exitCode = await (await import('./token.ts')).tokenListCommand(opts);
});

storeFlags(
  token
    .command('revoke')
    .description('revoke a token by its id or name; it stops working at once')
    .argument('<id|name>')
    .addOption(jsonOption()),
).action(async (idOrName: string, opts) => {
  process.exitCode = await (await import('./token.ts')).tokenRevokeCommand(idOrName, opts);
});

const compare = program.command('compare').description('compare stored filings: one project across years, or departments in one year');

storeFlags(
  outputFlags(
    compare
      .command('years')
      .description('one project across years: its indicators by year, and what changed from year to year')
      .requiredOption('--project <name>', 'the project name (a year in it is ignored: 2022年城区道路养护 = 城区道路养护)')
      .option('--department <name|code>', 'the department, where several file a project of that name')
      .option('--from <year>', 'the first year to compare', year)
      .option('--to <year>', 'the last year to compare', year)
      .option('--group <label|code>', 'only the indicators of this group (level 1 or 2: 成本指标, cost, 产出指标, …)'),
  ),
).action(async (opts) => {
  process.exitCode = await (await import('./compare.ts')).compareYearsCommand(opts);
});

storeFlags(
  outputFlags(
    compare
      .command('departments')
      .description('departments in one year: indicators per level-2 group, empty groups, and one group’s targets side by side')
      .requiredOption('--year <year>', 'fiscal year', year)
      .option('--group <label|code>', 'also list this level-2 group’s targets by department with their spread (服务对象满意度指标, satisfaction, …)')
      .option('--department <name|code>', 'only departments whose name contains this, or with this code'),
  ),
).action(async (opts) => {
  process.exitCode = await (await import('./compare.ts')).compareDepartmentsCommand(opts);
});

storeFlags(
  program
    .command('export')
    .description('write the filings and indicators stored or changed since the last export to DIR (the warehouse feed)')
    .addOption(new Option('--format <format>', 'file format').choices(EXPORT_FORMATS).makeOptionMandatory())
    .requiredOption('--out <dir>', 'the feed\'s folder: one feed (one format) per folder, one batch folder per run')
    .option('--full', 'write a full snapshot of the store, not only what changed since the last export')
    .addOption(jsonOption()),
).action(async (opts) => {
  process.exitCode = await (await import('./export.ts')).exportCommand(opts);
});
