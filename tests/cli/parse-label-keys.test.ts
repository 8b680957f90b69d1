// `filings parse` prints a form whose fields are labelled constructor, __proto__, … as any other
// form: a valid record, each label a key of project.extras in the JSON.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { filings } from '../helpers/cli.ts';
import { OBJECT_KEY_LABELS } from '../helpers/hostile-text.ts';
import { markdownForm } from '../helpers/markdown-form.ts';
import { tmpDir } from '../helpers/tmp.ts';

const tmp = tmpDir('filings-labels-');
afterAll(() => tmp.remove());

it('every form with such a header field parses, the label kept in extras', async () => {
  const files = OBJECT_KEY_LABELS.map((label, i) => {
    const file = path.join(tmp.dir, `label-${i}.md`);
    fs.writeFileSync(file, markdownForm({ fields: [[label, `值${i}`]] }));
    return file;
  });
  const run = await filings(['parse', ...files]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const records = JSON.parse(run.stdout);
  expect(records.map((r: { project: { extras: object } }) => Object.entries(r.project.extras))).toEqual(
    OBJECT_KEY_LABELS.map((label, i) => [[label, `值${i}`]]),
  );
  expect(run.stdout).toContain('"__proto__": "值3"');
});

it('a __proto__:value line above the table is printed in extras, not dropped', async () => {
  const file = path.join(tmp.dir, 'above.md');
  fs.writeFileSync(file, markdownForm({ above: ['__proto__:某某值'] }));
  const run = await filings(['parse', file]);
  expect(run.code).toBe(0);
  expect(Object.entries(JSON.parse(run.stdout)[0].project.extras)).toEqual([['__proto__', '某某值']]);
});
