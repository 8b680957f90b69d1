// CSV files and workbooks written for auditors hold the text of forms as text: a name that begins
// like a formula gets a leading ' (the OWASP rule), while numbers, negative ones too, stay numbers.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { filings } from '../helpers/cli.ts';
import { csvRows } from '../helpers/csv.ts';
import { FORMULAS, hostileForm } from '../helpers/hostile-text.ts';
import { tmpDir } from '../helpers/tmp.ts';

const tmp = tmpDir('filings-spreadsheet-text-');
const env = { DATABASE_URL: '', FILINGS_DB: path.join(tmp.dir, 'filings.db'), FILINGS_UPLOADS: path.join(tmp.dir, 'uploads') };
const out = (name: string) => path.join(tmp.dir, name);
const compareGroup = ['compare', 'departments', '--year', '2021', '--group', 'quantity'];

beforeAll(async () => {
  fs.writeFileSync(out('hostile.md'), hostileForm());
  expect((await filings(['import', out('hostile.md')], env)).code).toBe(0);
}, 60_000);
afterAll(() => tmp.remove());

const quoted = (s: string) => `'${s}`;

it('compare --csv writes formula-like names with a leading quote, numbers bare', async () => {
  const run = await filings([...compareGroup, '--csv', out('q.csv')], env);
  expect(run.code, run.stderr).toBe(0);
  const [head, ...rows] = csvRows(out('q.targets.csv'));
  expect(head).toEqual(['部门', '项目', '指标', '指标值', '数值', '单位', '口径', '与中位数之差']);
  expect(rows.map((r) => r.slice(1))).toEqual([
    [quoted(FORMULAS.project), quoted(FORMULAS.link), '100%', '100', '%', '整体', '10'],
    [quoted(FORMULAS.project), quoted(FORMULAS.at), '80%', '80', '%', '整体', '-10'],
    [quoted(FORMULAS.project), quoted(FORMULAS.minus), quoted(FORMULAS.minus), '', '', '', ''],
    [quoted(FORMULAS.project), expect.stringMatching(/红色指标/u), '90%', '90', '%', '整体', '0'],
  ]);
});

it('compare --xlsx writes them as text cells with a leading quote, no formula; numbers as numbers', async () => {
  const run = await filings([...compareGroup, '--xlsx', out('q.xlsx')], env);
  expect(run.code, run.stderr).toBe(0);
  const ws = XLSX.read(fs.readFileSync(out('q.xlsx'))).Sheets['指标值'];
  const cells = Object.entries(ws).filter(([ref]) => !ref.startsWith('!')).map(([, c]) => c as XLSX.CellObject);
  expect(cells.filter((c) => c.f !== undefined)).toEqual([]);
  const at = (r: number, c: number) => ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject;
  expect([at(1, 1), at(1, 2), at(2, 2), at(3, 2), at(3, 3)].map((c) => [c.t, c.v])).toEqual([
    ['s', quoted(FORMULAS.project)],
    ['s', quoted(FORMULAS.link)],
    ['s', quoted(FORMULAS.at)],
    ['s', quoted(FORMULAS.minus)],
    ['s', quoted(FORMULAS.minus)],
  ]);
  expect([at(2, 4), at(2, 7)].map((c) => [c.t, c.v])).toEqual([['n', 80], ['n', -10]]);
});

it('the notes sheet quotes a title that begins with the project name', async () => {
  const run = await filings(['compare', 'years', '--project', FORMULAS.project, '--xlsx', out('years.xlsx')], env);
  expect(run.code, run.stderr).toBe(0);
  const wb = XLSX.read(fs.readFileSync(out('years.xlsx')));
  const notes = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['说明'], { header: 1 });
  expect(notes.map((r) => r[1])).toContain(quoted(`${FORMULAS.project}（\x1b]0;owned\x07\x1b[2J江城市某某局），2021年度：4 项指标，0 项有变化`));
  for (const ws of Object.values(wb.Sheets)) {
    for (const [ref, c] of Object.entries(ws)) if (!ref.startsWith('!')) expect((c as XLSX.CellObject).f).toBeUndefined();
  }
});
