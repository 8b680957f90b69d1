// One exit-code table for every command (src/cli/exit-codes.ts): 0 done, 1 done but some inputs
// failed, 2 usage or environment error, 130 interrupted. Here the usage side, through the real CLI;
// the other rows are checked where their commands are (import, store-required, queue-cli, interrupt).
import fs from 'node:fs';
import { expect, it } from 'vitest';
import { filings, root } from '../helpers/cli.ts';

it('--version prints the package version, exit 0', async () => {
  const { version } = JSON.parse(fs.readFileSync(`${root}/package.json`, 'utf8'));
  expect(await filings(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
});

it('--help is no error: exit 0', async () => {
  const run = await filings(['list', '--help']);
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/^Usage: filings list/);
});

it.each([
  ['no command at all', [], /Usage: filings/],
  ['an unknown flag', ['list', '--bogus'], /error: unknown option '--bogus'/],
  ['a missing required flag', ['compare', 'years'], /error: required option '--project <name>' not specified/],
  ['a flag value that is no year', ['list', '--year', '20x'], /error: option '--year <year>' argument '20x' is invalid/],
  ['--json with --csv', ['compare', 'years', '--project', 'x', '--json', '--csv', 'x.csv'], /error: option '--json' cannot be used with option '--csv/],
  ['an unknown command', ['lsit'], /error: unknown command 'lsit'/],
])('a usage error (%s) exits 2, not commander’s 1', async (_, args, message) => {
  const run = await filings(args as string[], { DATABASE_URL: '', FILINGS_DB: '/nonexistent/never-opened.db' });
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(message);
  expect(run.stdout).toBe('');
});
