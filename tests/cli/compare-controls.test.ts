// Why a comparison can't be made is told in one line that may name departments from forms: their
// escape sequences are shown there, not run by the terminal.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { filings } from '../helpers/cli.ts';
import { ESCAPES, RAW_CONTROL } from '../helpers/hostile-text.ts';
import { markdownForm } from '../helpers/markdown-form.ts';
import { tmpDir } from '../helpers/tmp.ts';

const tmp = tmpDir('filings-compare-controls-');
const env = { DATABASE_URL: '', FILINGS_DB: path.join(tmp.dir, 'filings.db'), FILINGS_UPLOADS: path.join(tmp.dir, 'uploads') };

beforeAll(async () => {
  const files = [`${ESCAPES}江城市某某局`, '江城市教育局'].map((department, i) => {
    const file = path.join(tmp.dir, `road-${i}.md`);
    fs.writeFileSync(file, markdownForm({ project: '城区道路养护', department }));
    return file;
  });
  expect((await filings(['import', ...files], env)).code).toBe(0);
}, 60_000);
afterAll(() => tmp.remove());

it('a project filed by two departments is refused with their names escaped', async () => {
  const run = await filings(['compare', 'years', '--project', '城区道路养护'], env);
  expect(run.code).toBe(1);
  expect(run.stderr).not.toMatch(RAW_CONTROL);
  expect(run.stderr).toContain('\\x1b]0;owned\\x07\\x1b[2J江城市某某局');
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
});
