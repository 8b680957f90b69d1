// Workbooks whose XML claims far more than the cells they hold are read within those cells, quickly;
// settings SheetJS itself would pay for are refused before it starts.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseBytes } from '../../parsers/index.ts';
import { parseWorkbook } from '../../parsers/xlsx.ts';
import { listZip } from '../../parsers/zip.ts';
import { expectFilingError, QUICK_MS, replaceOnce, timed, workbook } from './hostile.ts';

const FORM = [
  ['项目名称', '老年助餐'],
  ['主管部门', '民政局'],
];
const form = (edit: (xml: string) => string) => workbook([['项目', FORM]], edit);
const read = (buf: Buffer) => timed(() => parseWorkbook(buf));

describe('a sheet is as large as the cells it holds', () => {
  it('a declared dimension of A1:XFD1048576 in a tiny file is ignored', async () => {
    const book = await form((xml) => replaceOnce(xml, /<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>'));
    expect(book.length).toBeLessThan(10_000);
    const { ms, value, error } = await read(book);
    expect(error).toBeUndefined();
    expect(ms).toBeLessThan(QUICK_MS);
    expect(value!.grids[0].cells).toEqual(FORM);
  });

  it('a merged region over the whole sheet is clipped to the cells held', async () => {
    const book = await form((xml) => replaceOnce(xml, '</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'));
    const { ms, value, error } = await read(book);
    expect(error).toBeUndefined();
    expect(ms).toBeLessThan(QUICK_MS);
    expect(value!.grids[0].merges).toEqual([{ r0: 0, c0: 0, r1: 1, c1: 1 }]);
  });

  it('a hundred thousand merged regions map in time proportional to their number', async () => {
    const merges = Array.from({ length: 100_000 }, (_, i) => `<mergeCell ref="A${i + 1}:XFD${i + 1}"/>`).join('');
    const book = await form((xml) => replaceOnce(xml, '</sheetData>', `</sheetData><mergeCells count="100000">${merges}</mergeCells>`));
    const { ms, value, error } = await read(book);
    expect(error).toBeUndefined();
    expect(ms).toBeLessThan(QUICK_MS);
    expect(value!.grids[0].merges).toEqual([{ r0: 0, c0: 0, r1: 0, c1: 1 }, { r0: 1, c0: 0, r1: 1, c1: 1 }]);
  });

  it('an empty row declared hidden at the last row of the sheet does not stretch it', async () => {
    const book = await form((xml) => replaceOnce(xml, '</sheetData>', '<row r="1048576" hidden="1"/></sheetData>'));
    const { ms, value } = await read(book);
    expect(ms).toBeLessThan(QUICK_MS);
    expect(value!.grids[0].cells).toEqual(FORM);
  });

  it('every column from C to the end hidden, as Excel writes it, reads as the two columns left', async () => {
    const book = await form((xml) => replaceOnce(xml, '<sheetData>', '<cols><col min="3" max="16384" width="9" hidden="1"/></cols><sheetData>'));
    const { ms, value, error } = await read(book);
    expect(error).toBeUndefined();
    expect(ms).toBeLessThan(QUICK_MS);
    expect(value!.grids[0].cells).toEqual(FORM);
  });

  it("a cell beyond Excel's last row is ignored with a warning", async () => {
    const book = await form((xml) => replaceOnce(xml, '</sheetData>', '<row r="90000000"><c r="A90000000" t="str"><v>x</v></c></row></sheetData>'));
    const { ms, value, error } = await read(book);
    expect(error).toBeUndefined();
    expect(ms).toBeLessThan(QUICK_MS);
    expect(value!.grids[0].cells).toEqual(FORM);
    expect(value!.messages).toContainEqual({ level: 'warning', message: "sheet 项目: 1 cell(s) beyond Excel's last row or column ignored" });
  });
});

describe('a sheet whose cells really are too many', () => {
  const farCorner = (xml: string) => replaceOnce(xml, '</sheetData>', '<row r="1048576"><c r="XFD1048576" t="str"><v>x</v></c></row></sheetData>');

  it('is refused when it is the only sheet', async () => {
    const { ms, error } = await read(await form(farCorner));
    expect(ms).toBeLessThan(QUICK_MS);
    expectFilingError(error, 'too_large', /^sheet 项目 too large \(17,179,869,184 cells; the limit is 200,000\)$/);
  });

  it('is skipped with a warning when another sheet holds a form', async () => {
    const book = await workbook([['项目', FORM], ['数据', [['x']]]], (xml, i) => (i === 1 ? farCorner(xml) : xml));
    const { ms, value, error } = await read(book);
    expect(error).toBeUndefined();
    expect(ms).toBeLessThan(QUICK_MS);
    expect(value!.grids.map((g) => g.locator)).toEqual(['sheet 项目']);
    expect(value!.messages).toContainEqual({ level: 'warning', message: 'sheet 数据 too large (17,179,869,184 cells; the limit is 200,000); skipped' });
  });
});

describe('settings SheetJS would pay for are refused before it reads them', () => {
  it('hidden columns claimed up to column 30,000,000', async () => {
    const book = await form((xml) => replaceOnce(xml, '<sheetData>', '<cols><col min="3" max="30000000" hidden="1"/></cols><sheetData>'));
    const { ms, error } = await read(book);
    expect(ms).toBeLessThan(QUICK_MS);
    expectFilingError(error, 'corrupt', /^damaged workbook \(xl\/worksheets\/sheet1\.xml sets columns 3 to 30,000,000; a sheet has 16,384\)$/);
  });

  it('the whole width of the sheet set over and over', async () => {
    const cols = '<col min="1" max="16384" hidden="1"/>'.repeat(10_000);
    const book = await form((xml) => replaceOnce(xml, '<sheetData>', `<cols>${cols}</cols><sheetData>`));
    const { ms, error } = await read(book);
    expect(ms).toBeLessThan(QUICK_MS);
    expectFilingError(error, 'corrupt', /^damaged workbook \(xl\/worksheets\/sheet1\.xml repeats its column settings over 81,920 columns\)$/);
  });

  // Large sheets: the settings are found wherever the cells start, however far in.
  const bigForm = (edit: (xml: string) => string) => {
    const rows = Array.from({ length: 400 }, (_, i) => [`指标${i}`, createHash('sha256').update(String(i)).digest('hex')]);
    return workbook([['项目', [...FORM, ...rows]]], edit);
  };

  it('in a large sheet, the settings before its cells are seen', async () => {
    const book = await bigForm((xml) => replaceOnce(xml, '<sheetData>', '<cols><col min="3" max="30000000" hidden="1"/></cols><sheetData>'));
    const sheet = listZip(book).find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    expect(sheet.compressedSize).toBeGreaterThan(8 * 1024);
    const { error } = await read(book);
    expectFilingError(error, 'corrupt', /^damaged workbook \(xl\/worksheets\/sheet1\.xml sets columns 3 to 30,000,000; a sheet has 16,384\)$/);
  });

  it('settings that run on far into a large sheet are all counted', async () => {
    const cols = Array.from({ length: 20_000 }, (_, i) => `<col min="${(i % 16_000) + 1}" max="${(i % 16_000) + 4}" width="${i}"/>`).join('');
    const book = await bigForm((xml) => replaceOnce(xml, '<sheetData>', `<cols>${cols}</cols><sheetData>`));
    const { error } = await read(book);
    expectFilingError(error, 'corrupt', /^damaged workbook \(xl\/worksheets\/sheet1\.xml repeats its column settings over 65,540 columns\)$/);
  });

  it('a large sheet with sound settings reads as before', async () => {
    const book = await bigForm((xml) => replaceOnce(xml, '<sheetData>', '<cols><col min="1" max="2" width="20"/></cols><sheetData>'));
    const { value, error } = await read(book);
    expect(error).toBeUndefined();
    expect(value!.grids[0].cells).toHaveLength(402);
  });

  it('thousands of sheets', async () => {
    const sheets = Array.from({ length: 1001 }, (_, i): [string, string[][]] => [`S${i}`, [['x']]]);
    const book = await workbook(sheets);
    const { ms, error } = await timed(() => parseBytes(book));
    expect(ms).toBeLessThan(QUICK_MS);
    expectFilingError(error, 'too_large', /^too many sheets \(1,001; the limit is 1,000\)$/);
  });
});
