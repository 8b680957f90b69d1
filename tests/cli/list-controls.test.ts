// `filings list` prints names from forms and file names: the escape sequences in them are shown,
// not run by the auditor's terminal.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { filings } from '../helpers/cli.ts';
import { ESCAPES, FORMULAS, hostileForm, RAW_CONTROL } from '../helpers/hostile-text.ts';
import { tmpDir } from '../helpers/tmp.ts';

const tmp = tmpDir('filings-list-controls-');
const env = { DATABASE_URL: '', FILINGS_DB: path.join(tmp.dir, 'filings.db'), FILINGS_UPLOADS: path.join(tmp.dir, 'uploads') };

beforeAll(async () => {
  const file = path.join(tmp.dir, `form${ESCAPES}.md`);
  fs.writeFileSync(file, hostileForm());
  const run = await filings(['import', file], env);
  expect(run.code, run.stderr).toBe(0);
}, 60_000);
afterAll(() => tmp.remove());

it('shows escape sequences in a department and a file name as visible escapes', async () => {
  const run = await filings(['list'], env);
  expect(run.code).toBe(0);
  expect(run.stdout).not.toMatch(RAW_CONTROL);
  expect(run.stdout).toContain('\\x1b]0;owned\\x07\\x1b[2J江城市某某局');
  expect(run.stdout).toContain('form\\x1b]0;owned\\x07\\x1b[2J.md（table 1）');
  // A terminal runs no formulas: the project name is shown as it was written.
  expect(run.stdout).toContain(FORMULAS.project);
  // Title, blank, header, rule, the one filing, blank, note: a newline in a name adds no line.
  expect(run.stdout.split('\n')).toHaveLength(8);
});
