// Bad input is normal input: one clear line naming the file, exit 1, and the other files still come out.
import { expect, it } from 'vitest';
import { filings, fixture } from '../helpers/cli.ts';

const cases: [string, string][] = [
  ['bad/empty.docx', 'empty file'],
  ['bad/truncated.docx', 'damaged or truncated zip archive (no central directory)'],
  ['bad/corrupt.xlsx', 'damaged or truncated zip archive (no central directory)'],
  ['bad/picture.docx', 'not a Word, Excel or Markdown file (a PNG image)'],
  ['bad/encrypted.xlsx', 'password-protected (encrypted) file; save an unprotected copy and import that'],
  ['bad/legacy.doc', 'damaged Word document (file information block cut short)'],
  ['real-doc/password_password_cryptoapi.doc', 'password-protected (encrypted) Word document; save an unprotected copy and import that'],
  ['real-doc/Word6.doc', 'a Word 6.0/95 document, too old to read; save it as .docx and import that'],
  ['bad/no-form.docx', 'no performance-target form found (1 table, none a form)'],
  ['bad/no-form.md', 'no performance-target form found (1 table, none a form)'],
  ['real-11.docx', 'not a performance-target form: found a self-evaluation form (部门预算项目支出绩效自评表(2023年度))'],
  ['dept-wide.docx', 'not a performance-target form: found a department-wide form (2024年部门整体支出绩效目标表)'],
  ['missing.docx', 'no such file or folder'],
];

it.each(cases)('%s fails with its reason in one line', async (file, reason) => {
  const run = await filings(['parse', fixture(file)]);
  expect(run.code).toBe(1);
  expect(run.stderr).toBe(`filings: ${fixture(file)}: ${reason}\n`);
  expect(JSON.parse(run.stdout)).toEqual([]);
});

it('a zip bomb is refused from its directory, before anything is inflated', async () => {
  const run = await filings(['parse', fixture('bad/bomb.docx')]);
  expect(run.code).toBe(1);
  expect(run.stderr).toMatch(/^filings: .*bomb\.docx: archive would expand to 953\.7 MB .*refused as a zip bomb/);
});

it('a file over the size limit is refused', async () => {
  const run = await filings(['parse', fixture('seed.docx')], { FILINGS_MAX_FILE_MB: '0.001' });
  expect(run.code).toBe(1);
  expect(run.stderr).toMatch(/seed\.docx: file too large \(\d+ KB; limit 2 KB\)/);
});

it('good files among bad ones still print their records, in the order given', async () => {
  const run = await filings(['parse', fixture('seed.md'), fixture('bad/corrupt.xlsx'), fixture('multi-2.docx'), fixture('bad/empty.docx')]);
  expect(run.code).toBe(1);
  const records = JSON.parse(run.stdout);
  expect(records.map((r: { source: { file: string } }) => r.source.file)).toEqual(['seed.md', 'multi-2.docx', 'multi-2.docx']);
  const lines = run.stderr.trim().split('\n');
  expect(lines).toHaveLength(2);
  expect(lines[0]).toContain('corrupt.xlsx');
  expect(lines[1]).toContain('empty.docx');
  expect(run.stderr).not.toMatch(/\n\s+at /);
});
