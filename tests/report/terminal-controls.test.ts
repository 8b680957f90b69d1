// The comparisons printed on a terminal show the escape sequences in names from forms, never run them.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { filings } from '../helpers/cli.ts';
import { FORMULAS, hostileForm, RAW_CONTROL } from '../helpers/hostile-text.ts';
import { tmpDir } from '../helpers/tmp.ts';

const tmp = tmpDir('filings-terminal-controls-');
const env = { DATABASE_URL: '', FILINGS_DB: path.join(tmp.dir, 'filings.db'), FILINGS_UPLOADS: path.join(tmp.dir, 'uploads') };

beforeAll(async () => {
  const file = path.join(tmp.dir, 'hostile.md');
  fs.writeFileSync(file, hostileForm());
  expect((await filings(['import', file], env)).code).toBe(0);
}, 60_000);
afterAll(() => tmp.remove());

it('compare departments prints the department and indicator names escaped', async () => {
  const run = await filings(['compare', 'departments', '--year', '2021', '--group', 'quantity'], env);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout).not.toMatch(RAW_CONTROL);
  expect(run.stdout).toContain('\\x1b]0;owned\\x07\\x1b[2J江城市某某局');
  expect(run.stdout).toContain('\\x1b]0;owned\\x07\\x1b[2J\\x1b[31m红色指标\\x1b[0m');
});

it('compare years prints the project title and indicator names escaped', async () => {
  const run = await filings(['compare', 'years', '--project', FORMULAS.project], env);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout).not.toMatch(RAW_CONTROL);
  expect(run.stdout).toContain(`${FORMULAS.project}（\\x1b]0;owned\\x07\\x1b[2J江城市某某局），2021`);
});
