// Known money fields whose values do not read as amounts must not vanish into extras unnoticed:
// `import` counts the forms, `--verbose` names the fields, `--json` carries the count. And a form in
// 千元 is converted, not read as 万元 (ten times too much). Through the real CLI.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { filings, fixture } from '../helpers/cli.ts';
import { tmpDir } from '../helpers/tmp.ts';

const tmp = tmpDir('filings-amounts-');
afterAll(() => tmp.remove());
const seed = fs.readFileSync(fixture('seed.md'), 'utf8');

function write(name: string, text: string): string {
  const file = path.join(tmp.dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

it('a form in 千元 is converted to 万元', async () => {
  const file = write('qianyuan.md', `单位:千元\n\n${seed}`);
  const run = await filings(['parse', file]);
  const [r] = JSON.parse(run.stdout);
  expect(r.funding).toMatchObject({ total: 63.87279, fiscal: 63.87279, annualTotal: 63.87279 });
  expect(r.project.extras).toEqual({});
});

it('import counts the forms with an unreadable amount, --verbose names the field, --json carries the count', async () => {
  const bad = write('import/pending.md', seed.replace('| 项目资金总额 | 638.7279 |', '| 项目资金总额 | 待定 |'));
  write('import/fine.md', `${seed}\n`);
  const env = { FILINGS_DB: path.join(tmp.dir, 'filings.db'), FILINGS_UPLOADS: path.join(tmp.dir, 'uploads') };
  const run = await filings(['import', '--verbose', '--json', path.dirname(bad)], env);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stderr).toContain(`pending.md: warning: table 1: 项目资金总额 "待定" is not an amount; kept as text in project.extras`);
  expect(run.stderr).toMatch(/filings: 1 forms with unreadable amounts \(kept as text in project\.extras; named above\)/);
  expect(JSON.parse(run.stdout)).toMatchObject({ storedForms: 2, formsWithUnreadableAmounts: 1 });

  const parse = await filings(['parse', bad]);
  expect(JSON.parse(parse.stdout)[0].project.extras).toEqual({ 项目资金总额: '待定' });
});

it('through the CLI: locale- and currency-tagged workbook cells, and a covering note above a titled table', async () => {
  for (const file of ['locale-formats.xlsx', 'locale-formats.xls']) {
    const [r] = JSON.parse((await filings(['parse', fixture(file)])).stdout);
    expect(r.funding).toMatchObject({ total: 10800, fiscal: 10200, other: 600, annualTotal: 3600, annualAppropriation: 3000 });
    expect(r.indicators.map((i: { target: { raw: string } }) => i.target.raw)).toEqual(['3600', '100%', '85.50%', '≥85%']);
  }
  for (const file of ['covering-note.docx', 'covering-note.md']) {
    const [r] = JSON.parse((await filings(['parse', fixture(file)])).stdout);
    expect(r.form).toEqual({ title: '项目支出绩效目标申报表', fiscalYear: 2024 });
    expect(r.project.extras).toEqual({ 填报单位: null });
  }
});
