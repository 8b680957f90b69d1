// The workbook an auditor opens: written by the real CLI, read back by SheetJS (the cells, widths,
// autofilter and fills) and, for what SheetJS does not read back, from the package itself (the
// frozen header row and its bold font).
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { filings, fixture } from '../helpers/cli.ts';
import { tmpDir } from '../helpers/tmp.ts';

const tmp = tmpDir('filings-xlsx-');
const env = { DATABASE_URL: '', FILINGS_DB: path.join(tmp.dir, 'filings.db'), FILINGS_UPLOADS: path.join(tmp.dir, 'uploads') };
const road = path.join(tmp.dir, 'road.xlsx');
const depts = path.join(tmp.dir, 'departments.xlsx');

beforeAll(async () => {
  expect((await filings(['import', fixture('compare')], env)).code).toBe(0);
  const a = await filings(['compare', 'years', '--project', '城区道路养护', '--xlsx', road], env);
  expect(a.stderr).toBe(`filings: wrote ${road} (3 sheets)\n`);
  const b = await filings(['compare', 'departments', '--year', '2023', '--group', 'satisfaction', '--xlsx', depts], env);
  expect(b.code).toBe(0);
}, 120_000);
afterAll(() => tmp.remove());

const open = (file: string) => XLSX.read(fs.readFileSync(file), { cellStyles: true });
const rows = (ws: XLSX.WorkSheet) => XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, defval: null });
const fill = (cell: XLSX.CellObject | undefined) => (cell?.s as { fgColor?: { rgb?: string } } | undefined)?.fgColor?.rgb;

it('holds one sheet per view, and the notes', () => {
  expect(open(road).SheetNames).toEqual(['逐年', '填报表', '说明']);
  expect(open(depts).SheetNames).toEqual(['指标组', '空指标组', '指标值', '离散度', '说明']);
});

it('the project sheet holds the targets by year and the changes, marked', () => {
  const ws = open(road).Sheets['逐年'];
  const all = rows(ws);
  expect(all[0]).toEqual(['指标', '指标组', '2021', '2022', '2023', '2021→2022', '2022→2023', '2021→2023（首尾）', '对应方式']);
  const row = (name: string) => all.find((r) => r[0] === name)!;
  expect(row('道路完好率')).toEqual(['道路完好率', '质量指标', '≥90%', '≥95%', '≥95%', '调高（要求提高）', '未变', '调高（要求提高）', '同名']);
  expect(row('养护成本').slice(2, 6)).toEqual(['≤300万元', '≤280万元', '≤280万元', '调低（要求提高）']);
  expect(row('智慧巡查覆盖率').slice(4, 7)).toEqual(['≥60%', null, '新增']);
  expect(row('病害处置及时率').slice(4, 7)).toEqual(['（已删除）', '未变', '删除']);
  expect(row('群众满意程度')[8]).toBe('2022：名称相近 群众满意度 → 群众满意程度（0.67）');

  const at = (name: string, col: number) => ws[XLSX.utils.encode_cell({ r: all.indexOf(row(name)), c: col })];
  expect(fill(at('道路完好率', 5))).toBe('DDEBF7'); // raised
  expect(fill(at('养护成本', 5))).toBe('FCE4D6'); // lowered
  expect(fill(at('智慧巡查覆盖率', 6))).toBe('C6EFCE'); // added
  expect(fill(at('病害处置及时率', 6))).toBe('FFC7CE'); // removed
  expect(fill(at('群众满意程度', 8))).toBe('E4DFEC'); // matched by similarity
  expect(fill(at('道路养护面积', 5))).toBeUndefined(); // unchanged: no fill

  expect(ws['!autofilter']).toEqual({ ref: `A1:I${all.length}` });
  const widths = ws['!cols']!.map((c) => c.wch!);
  expect(widths[8]).toBeGreaterThan(widths[2]); // the long match note gets a wide column
  expect(Math.max(...widths)).toBeLessThanOrEqual(60);
});

it('the departments workbook holds the matrix with the empty 成本指标, and numbers as numbers', () => {
  const wb = open(depts);
  const groups = rows(wb.Sheets['指标组']);
  const cost = groups[0].indexOf('成本指标');
  const health = groups.find((r) => r[0] === '江城市卫生健康委员会')!;
  expect(health[cost]).toBe('空');
  expect(groups.find((r) => r[0] === '江城市教育局')![cost]).toBe(1);
  expect(fill(wb.Sheets['指标组'][XLSX.utils.encode_cell({ r: groups.indexOf(health), c: cost })])).toBe('FFC7CE');
  expect(rows(wb.Sheets['离散度'])).toEqual([
    ['单位', '口径', '比较方向', '指标数', '最小', '中位数', '最大', '极差'],
    ['%', '整体', '下限（≥）', 4, 85, 90, 95, 10],
  ]);
  const targets = rows(wb.Sheets['指标值']);
  expect(targets.find((r) => r[0] === '江城市城市管理局')).toEqual(['江城市城市管理局', '城区道路养护', '群众满意程度', '≥85%', 85, '%', '整体', -5]);
});

it('every sheet has a bold, frozen header row', async () => {
  for (const file of [road, depts]) {
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const styles = await zip.file('xl/styles.xml')!.async('string');
    const xfs = [...styles.match(/<cellXfs[^>]*>(.*?)<\/cellXfs>/)![1].matchAll(/<xf [^>]*fontId="(\d+)"/g)].map((m) => Number(m[1]));
    const fonts = [...styles.match(/<fonts[^>]*>(.*?)<\/fonts>/)![1].matchAll(/<font>(.*?)<\/font>/g)].map((m) => m[1]);
    const sheets = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
    expect(sheets.length).toBe(open(file).SheetNames.length);
    for (const name of sheets) {
      const xml = await zip.file(name)!.async('string');
      expect(xml).toMatch(/<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"\/>/);
      const header = [...xml.matchAll(/<c r="[A-Z]+1" s="(\d+)"/g)].map((m) => Number(m[1]));
      expect(header.length).toBeGreaterThan(1);
      for (const s of header) expect(fonts[xfs[s]]).toMatch(/<b\/>/);
      const body = [...xml.matchAll(/<c r="A2"(?: s="(\d+)")?/g)].map((m) => (m[1] ? fonts[xfs[Number(m[1])]] : ''));
      for (const f of body) expect(f).not.toMatch(/<b\/>/);
    }
  }
});
