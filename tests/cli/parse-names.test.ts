// A file name may hold a newline or a terminal escape; the error line naming it must stay one line.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { filings, fixture } from '../helpers/cli.ts';
import { tmpDir } from '../helpers/tmp.ts';

const tmp = tmpDir();
afterAll(() => tmp.remove());

it('a newline and an escape character in a failing file’s name are shown escaped, on one line', async () => {
  const file = path.join(tmp.dir, 'two\nlines\u001b[2J.docx');
  fs.copyFileSync(fixture('bad/empty.docx'), file);
  const run = await filings(['parse', file]);
  expect(run.code).toBe(1);
  expect(run.stderr).toBe(`filings: ${path.join(tmp.dir, 'two\\nlines\\x1b[2J.docx')}: empty file\n`);
});
