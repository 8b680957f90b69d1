// Word files whose structure claims far more than they hold fail fast, or are read within their real size.
import { describe, expect, it } from 'vitest';
import { parseDocx } from '../../parsers/docx.ts';
import { expectFilingError, QUICK_MS, replaceOnce, timed, wordTable } from './hostile.ts';

const ROWS = [
  ['项目名称', '老年助餐', '主管部门'],
  ['年度目标', '服务老人', ''],
  ['数量指标', '1000人', '≥95%'],
];

describe('spans and row offsets are bounded by the table grid', () => {
  it('a cell claiming 100,000,000 grid columns is clamped to the table grid, with a warning', async () => {
    const doc = await wordTable(ROWS, (xml) => replaceOnce(xml, '<w:tc>', '<w:tc><w:tcPr><w:gridSpan w:val="100000000"/></w:tcPr>'));
    expect(doc.length).toBeLessThan(20_000);
    const { ms, value, error } = await timed(() => parseDocx(doc));
    expect(error).toBeUndefined();
    expect(ms).toBeLessThan(QUICK_MS);
    const [grid] = value!.grids;
    expect(grid.cells[0]).toEqual(['项目名称', '', '', '老年助餐', '主管部门']);
    expect(grid.merges).toContainEqual({ r0: 0, c0: 0, r1: 0, c1: 2 });
    expect(value!.messages).toContainEqual({
      level: 'warning',
      message: 'table 1: 1 cell span(s) or row offset(s) of up to 100,000,000 columns, beyond its 3 grid columns; clamped to 3',
    });
  });

  it('a row claiming to start 50,000,000 grid columns in is clamped likewise', async () => {
    const doc = await wordTable(ROWS, (xml) => replaceOnce(xml, '<w:tr>', '<w:tr><w:trPr><w:gridBefore w:val="50000000"/></w:trPr>'));
    const { ms, value, error } = await timed(() => parseDocx(doc));
    expect(error).toBeUndefined();
    expect(ms).toBeLessThan(QUICK_MS);
    expect(value!.grids[0].cells[0]).toEqual(['', '', '', '项目名称', '老年助餐', '主管部门']);
    expect(value!.messages.map((m) => m.message).join('\n')).toMatch(/up to 50,000,000 columns, beyond its 3 grid columns; clamped to 3/);
  });

  it('w:gridAfter is clamped too (the realignment turns it into a spanning cell)', async () => {
    const doc = await wordTable(ROWS, (xml) => replaceOnce(xml, '<w:tr>', '<w:tr><w:trPr><w:gridBefore w:val="1"/><w:gridAfter w:val="2000000000"/></w:trPr>'));
    const { ms, value, error } = await timed(() => parseDocx(doc));
    expect(error).toBeUndefined();
    expect(ms).toBeLessThan(QUICK_MS);
    expect(value!.grids[0].cells[0]).toEqual(['', '项目名称', '老年助餐', '主管部门', '', '', '']);
  });

  it('in a table without a declared grid, spans are clamped to 64 columns', async () => {
    const doc = await wordTable(ROWS, (xml) =>
      replaceOnce(xml.replace(/<w:tblGrid>[\s\S]*?<\/w:tblGrid>/, ''), '<w:tc>', '<w:tc><w:tcPr><w:gridSpan w:val="99999999"/></w:tcPr>'),
    );
    const { value, error } = await timed(() => parseDocx(doc));
    expect(error).toBeUndefined();
    expect(value!.grids[0].cells[0]).toHaveLength(66);
    expect(value!.messages.map((m) => m.message).join('\n')).toMatch(/beyond a table without a declared grid; clamped to 64/);
  });
});

describe('documents too large for the Word reader are refused before it starts', () => {
  it('a quarter of a million empty cells', async () => {
    const doc = await wordTable(ROWS, (xml) => {
      const rows = `<w:tr>${'<w:tc><w:p/></w:tc>'.repeat(50)}</w:tr>`.repeat(5000);
      return replaceOnce(xml, '</w:tbl>', `${rows}</w:tbl>`);
    });
    const { ms, error } = await timed(() => parseDocx(doc));
    expect(ms).toBeLessThan(QUICK_MS);
    expectFilingError(error, 'too_large', /^too many table cells \(250,009; the limit is 200,000\)$/);
  });

  it('half a million empty paragraphs', async () => {
    const doc = await wordTable(ROWS, (xml) => replaceOnce(xml, '<w:body>', `<w:body>${'<w:p/>'.repeat(500_000)}`));
    const { ms, error } = await timed(() => parseDocx(doc));
    expect(ms).toBeLessThan(QUICK_MS);
    expectFilingError(error, 'too_large', /^too many paragraphs \(500,\d{3}; the limit is 400,000\)$/);
  });

  it('thousands of tables', async () => {
    const doc = await wordTable(ROWS, (xml) => {
      const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(xml)![0];
      return replaceOnce(xml, table, `${table}<w:p/>`.repeat(1500));
    });
    const { ms, error } = await timed(() => parseDocx(doc));
    expect(ms).toBeLessThan(QUICK_MS);
    expectFilingError(error, 'too_large', /^too many tables \(1,500; the limit is 1,000\)$/);
  });
});
