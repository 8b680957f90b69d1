// Every fixture form reads to the record checked by hand in tests/form/expected/, in every format it
// was written in. Grid positions of unmapped cells differ between formats (a workbook keeps its title
// rows in the grid, Markdown prints them above the table), so for the other formats their texts count.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRecords } from '../../src/read-records.ts';
import type { FilingRecord } from '../../src/schema.ts';
import { fixture, root } from '../helpers/cli.ts';

type Body = Omit<FilingRecord, 'id' | 'source'>;
const expectedOf = (name: string): Body[] => JSON.parse(fs.readFileSync(path.join(root, 'tests/form/expected', `${name}.json`), 'utf8'));
const body = ({ id: _id, source: _source, ...rest }: FilingRecord): Body => rest;
const textsOnly = (b: Body) => ({ ...b, unmapped: b.unmapped.map((u) => u.text) });

async function read(file: string) {
  const bytes = fs.readFileSync(fixture(file));
  const { records } = await readRecords(bytes, fixture(file));
  const sha = createHash('sha256').update(bytes).digest('hex');
  records.forEach((r, i) => {
    expect(r.source.sha256).toBe(sha);
    expect(r.source.formIndex).toBe(i);
    expect(r.id).toBe(`${sha}:${i}`);
    expect(r.source.file).toBe(file);
  });
  return records;
}

const families: [string, string[]][] = [
  ['real-04', ['docx', 'md', 'xlsx']],
  ['real-05', ['docx', 'md', 'xlsx']],
  ['real-06', ['docx', 'md', 'xlsx']],
  ['putuo-2026', ['docx', 'md', 'xlsx']],
  ['wuhan-2020', ['docx', 'md', 'xlsx']],
  ['older-scheme-2019', ['docx', 'md', 'xlsx']],
  ['jiaxian-2016', ['docx', 'md', 'xlsx']],
  ['fengjie-2023', ['docx', 'md', 'xlsx']],
  ['system-split', ['docx', 'md', 'xlsx']],
  ['multi-3', ['md']],
  ['multi-2', ['docx', 'xlsx']],
  ['percent', ['xlsx']],
  ['title-above', ['docx']],
  ['covering-note', ['docx', 'md']],
];

describe.each(families)('%s', (name, formats) => {
  it.each(formats)('reads from .%s to the checked record', async (format) => {
    const records = await read(`${name}.${format}`);
    expect(records.map((r) => r.source.format)).toEqual(records.map(() => format));
    const expected = expectedOf(name);
    if (format === formats[0]) expect(records.map(body)).toStrictEqual(expected);
    else expect(records.map(body).map(textsOnly)).toStrictEqual(expected.map(textsOnly));
  });
});

describe('the seed form written by Word and Excel reads to the seed record but for source', () => {
  const seed: FilingRecord[] = JSON.parse(fs.readFileSync(fixture('seed.expected.json'), 'utf8'));
  it.each([
    ['seed.docx', 'docx', 'table 1'],
    ['seed.xlsx', 'xlsx', 'sheet 特保费用'],
    ['seed.xls', 'xls', 'sheet 特保费用'],
    ['seed-gbk.xls', 'xls', 'sheet 特保费用'],
    ['gridbefore.docx', 'docx', 'table 1'],
    ['bookmark-rows.docx', 'docx', 'table 1'],
    ['wrong-ext.docx', 'xlsx', 'sheet 特保费用'],
  ])('%s', async (file, format, locator) => {
    const records = await read(file);
    expect(records.map(body)).toStrictEqual(seed.map(body));
    expect(records[0].source).toMatchObject({ format, locator });
  });
});

// Locale- and currency-tagged number formats (scripts/fixtures/forms/locale-formats.ts), in .xlsx and
// .xls. Every value below is written by hand from the form spec and the record contract: a locale tag
// displays nothing, a currency tag its symbol, a DBNum cell the number it holds, the accounting zero 0.
describe('locale-formats: number formats with locale and currency tags read as Excel displays them', () => {
  it.each([
    ['locale-formats.xlsx', 'xlsx'],
    ['locale-formats.xls', 'xls'],
  ])('%s', async (file, format) => {
    const records = await read(file);
    expect(records).toHaveLength(1);
    const [r] = records;
    expect(r.source).toMatchObject({ format, locator: 'sheet 居家养老服务' });
    expect(r.form).toEqual({ title: '财政项目支出绩效目标申报表', fiscalYear: 2024 });
    // [$-804]yyyy"年"m"月"d"日" and the unquoted yyyy年m月d日 are still date cells.
    expect(r.project.plannedStart).toBe('2024-01-01');
    expect(r.project.plannedEnd).toBe('2024-12-31');
    expect(r.funding).toEqual({
      unit: '万元',
      // The whole-project total (zh-CN accounting format, ￥10,800.00) and fiscal part ([$¥-804],
      // ¥10,200.00) display a currency symbol, which an amount drops (the contract).
      total: 10800,
      fiscal: 10200,
      other: 600, // [$-409]#,##0.00 → 600.00
      annualTotal: 3600, // [$-804]#,##0.00 → 3,600.00
      annualAppropriation: 3000, // [$-409]#,##0.00 → 3,000.00
      priorYearCarryover: 0, // accounting format's zero, displayed `-`, reads as 0
      annualOther: 600, // [$-804]#,##0.00 → 600.00
      extras: {},
    });
    expect(r.project.extras).toEqual({});
    expect(r.indicators.map((i) => [i.level1, i.level2, i.name, i.target])).toEqual([
      ['产出指标', '数量指标', '上门服务人次', { raw: '3600', kind: 'numeric', op: '=', value: 3600, unit: null }], // [DBNum1][$-804]General
      ['产出指标', '质量指标', '服务对象建档率', { raw: '100%', kind: 'numeric', op: '=', value: 100, unit: '%' }], // [$-804]0% of 1
      ['产出指标', '质量指标', '服务投诉办结率', { raw: '85.50%', kind: 'numeric', op: '=', value: 85.5, unit: '%' }], // [$-409]0.00% of 0.855
      ['满意度指标', '服务对象满意度指标', '老人及家属满意度', { raw: '≥85%', kind: 'numeric', op: '>=', value: 85, unit: '%' }], // [$-804]"≥"0% of 0.85
    ]);
    expect(r.warnings).toEqual([]);
  });
});
