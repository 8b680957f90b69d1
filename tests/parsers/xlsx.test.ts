import fs from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import * as XLSX from 'xlsx';
import { parseWorkbook } from '../../parsers/xlsx.ts';
import { fixture } from '../helpers/cli.ts';

const read = (f: string) => parseWorkbook(fs.readFileSync(fixture(f)));
const texts = (f: string) => read(f).grids.flatMap((g) => g.cells.flat()).filter(Boolean);

describe('workbooks become one grid per visible sheet', () => {
  it('hidden sheets and hidden rows are skipped', () => {
    const { grids, messages } = read('multi-2.xlsx');
    expect(grids.map((g) => g.locator)).toEqual(['sheet 环境卫生保洁', 'sheet 老年助餐补贴']);
    expect(texts('multi-2.xlsx').some((t) => t.includes('请勿引用'))).toBe(false);
    expect(messages.map((m) => m.message)).toContain('sheet 选项: hidden, skipped');
  });

  it('a hidden column is skipped and an error cell reads as Excel shows it', () => {
    const ws = XLSX.utils.aoa_to_sheet([['项目名称', '内部备注', '合计']]);
    ws.C1 = { t: 'e', v: 0x07 };
    ws['!cols'] = [{}, { hidden: true }];
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, '表');
    const { grids } = parseWorkbook(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
    expect(grids[0].cells).toEqual([['项目名称', '#DIV/0!']]);
  });

  it('a formula cell reads as the value Excel stored for it', () => {
    const ws = XLSX.utils.aoa_to_sheet([['资金总额', 0, 1000, 2600]]);
    ws.B1 = { t: 'n', v: 3600, f: 'SUM(C1:D1)' };
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, '表');
    const { grids } = parseWorkbook(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
    expect(grids[0].cells).toEqual([['资金总额', '3600', '1000', '2600']]);
  });

  it('a cell reads as the text it displays, a date cell as an ISO date', () => {
    const all = texts('percent.xlsx');
    expect(all).toContain('100%');
    expect(all).toContain('95%');
    expect(all).toContain('2023-01-01');
  });

  it('locale tags display nothing and currency tags their symbol, in .xlsx and .xls alike', () => {
    for (const f of ['locale-formats.xlsx', 'locale-formats.xls']) {
      const all = texts(f);
      for (const shown of ['3,600.00', '3,000.00', '600.00', '100%', '85.50%', '≥85%', '3600', '¥10,200.00', '￥10,800.00', '0', '2024-01-01', '2024-12-31']) {
        expect(all, `${f} shows ${shown}`).toContain(shown);
      }
      expect(all.filter((t) => t.includes('$')), f).toEqual([]);
    }
  });

  it('amounts keep their number format (元 with thousands separators)', () => {
    expect(texts('putuo-2026.xlsx')).toContain('771,325,800.00');
  });

  it('a legacy workbook in code page 936 (GBK) reads back in Chinese', () => {
    const all = texts('seed-gbk.xls');
    expect(all).toContain('项目名称');
    expect(all).toContain('上海市闵行区古美路街道(汇总)');
  });

  it('what SheetJS would print of a legacy workbook (an unknown record) becomes a message, not terminal output', () => {
    const bytes = fs.readFileSync(fixture('seed.xls'));
    // Its WINDOW1 record (type 0x3d, 18 bytes) given a type no version of Excel writes.
    const at = bytes.indexOf(Buffer.from([0x3d, 0x00, 0x12, 0x00]));
    expect(at).toBeGreaterThan(0);
    bytes.writeUInt16LE(0x7777, at);
    const printed = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const { grids, messages } = parseWorkbook(bytes);
      expect(grids[0].cells.flat()).toContain('项目名称');
      expect(messages).toContainEqual({ level: 'info', message: 'SheetJS: Missing Info for XLS Record 0x7777' });
      expect(printed).not.toHaveBeenCalled();
    } finally {
      printed.mockRestore();
    }
  });

  it('merges are mapped onto the grid', () => {
    const { grids } = read('seed.xlsx');
    expect(grids[0].merges).toContainEqual({ r0: 0, c0: 0, r1: 0, c1: 6 });
  });
});
