// Word 97-2003 .doc read natively. The twins in fixtures/legacy/ were written by LibreOffice from the
// .docx fixtures (scripts/fixtures/legacy.ts); the files in fixtures/real-doc/ were written by
// Microsoft Word and WPS Office and come from public test suites (fixtures/SOURCES.txt), where their
// contents are stated: the texts expected below are those.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBytes } from '../../parsers/index.ts';
import { readRecords } from '../../src/read-records.ts';
import type { FilingRecord } from '../../src/schema.ts';
import { DOC_TWINS, WPS_TWINS } from '../../scripts/fixtures/legacy.ts';
import { fixture } from '../helpers/cli.ts';

const parse = (f: string) => parseBytes(fs.readFileSync(fixture(f)));
const body = ({ id: _id, source: _source, ...rest }: FilingRecord) => rest;
const outcome = async (f: string) => {
  try {
    return await readRecords(fs.readFileSync(fixture(f)), fixture(f));
  } catch (e) {
    return { error: (e as Error).message };
  }
};

describe('a .doc written by LibreOffice reads to the same records as its .docx twin, but for source', () => {
  it.each(DOC_TWINS)('%s', async (name) => {
    const file = `legacy/${name}.${WPS_TWINS.includes(name) ? 'wps' : 'doc'}`;
    const [doc, docx] = [await outcome(file), await outcome(`${name}.docx`)];
    if ('error' in docx) {
      // Forms of another kind (a self-evaluation, a department-wide form) are refused in the same words.
      expect(doc).toEqual(docx);
      return;
    }
    if ('error' in doc) throw new Error(doc.error);
    expect(doc.records.map(body)).toStrictEqual(docx.records.map(body));
    expect(doc.records.map((r) => r.source.format)).toEqual(docx.records.map(() => 'doc'));
    expect(doc.records.map((r) => r.source.locator)).toEqual(docx.records.map((r) => r.source.locator));
  });
});

describe('Word tables in a .doc become grids with their merged regions', () => {
  it('horizontal spans come from the cell boundaries, vertical merges from the cell flags', async () => {
    const { format, grids } = await parse('legacy/seed.doc');
    expect(format).toBe('doc');
    expect(grids).toHaveLength(1);
    const g = grids[0];
    // The title spans the whole table; 项目名称's value spans two columns.
    expect(g.cells[0][0]).toBe('财政项目支出绩效目标填报表');
    expect(g.merges).toContainEqual({ r0: 0, c0: 0, r1: 0, c1: 6 });
    expect(g.cells[2].slice(0, 2)).toEqual(['项目名称', '(派出所)特保费用']);
    expect(g.merges).toContainEqual({ r0: 2, c0: 1, r1: 2, c1: 2 });
    // 项目资金 runs down four rows, 绩效指标 down the whole indicator block.
    expect(g.cells[5][0]).toBe('项目资金 (万元)');
    expect(g.merges).toContainEqual({ r0: 5, c0: 0, r1: 8, c1: 0 });
    const perf = g.cells.findIndex((row) => row[0] === '绩效指标');
    expect(g.merges.find((m) => m.r0 === perf && m.c0 === 0)?.r1).toBe(g.cells.length - 1);
  });

  it('the grid is the one its .docx twin gives', async () => {
    const [doc, docx] = [await parse('legacy/seed.doc'), await parse('seed.docx')];
    expect(doc.grids).toEqual(docx.grids);
  });

  it('several forms in one file are several tables, each with the lines above it', async () => {
    const { grids } = await parse('legacy/multi-2.doc');
    expect(grids).toHaveLength(2);
    const records = (await readRecords(fs.readFileSync(fixture('legacy/multi-2.doc')), 'multi-2.doc')).records;
    expect(records.map((r) => r.source.locator)).toEqual(['table 1', 'table 2']);
  });

  it('a nested table (Word) keeps its text in the cell that holds it', async () => {
    const { grids, messages } = await parse('real-doc/Bug51686.doc');
    expect(grids).toHaveLength(1);
    expect(grids[0].cells.map((row) => row.map((c) => c.trim()))).toEqual([
      ['This is a table', ''],
      ['', 'Nested table\n\n\nMore of our nested table'],
      ['The table has things in it', ''],
    ]);
    expect(messages.map((m) => m.message)).toContain('nested tables: their text is kept in the cells that hold them');
  });

  it('tables nested three deep (Word 2002) read, and Windows-1252 quotes come out as quotes', async () => {
    const { grids } = await parse('real-doc/Bug51890.doc');
    const text = grids.flatMap((g) => g.cells.flat()).join('\n');
    expect(text).toContain('Qu\u2019ils s\u2019appellent \u201cFavoris');
    expect(text).not.toMatch(/[\u0080-\u009f]/);
  });

  it('a Chinese document by Word: lines above the table and its cells', async () => {
    const { grids } = await parse('real-doc/61490.doc');
    expect(grids).toHaveLength(1);
    expect(grids[0].before).toContain('居中的大标题');
    expect(grids[0].before.at(-1)).toBe('下面是表格3x3');
    expect(grids[0].cells[2]).toEqual(['31', '32', '33']);
  });

  it('a fast-saved document reads through its many pieces', async () => {
    const { grids } = await parse('real-doc/rasp.doc');
    expect(grids.map((g) => g.before[1])).toEqual(['Открытое акционерное общество «ХХХХХХХХХХХ»', 'Открытое акционерное общество «УУУУУУУУУУУ»']);
    expect(grids[0].cells[0][0]).toContain('Блокировка ценных');
  });

  it('a WPS Office document with no table has no form in it', async () => {
    const r = await outcome('real-doc/wps_chinese_test11.doc');
    expect(r).toEqual({ error: 'no performance-target form found (no tables)' });
  });
});

describe('a .doc that cannot be read says why in one line', () => {
  it.each([
    ['real-doc/password_password_cryptoapi.doc', 'encrypted', 'password-protected (encrypted) Word document; save an unprotected copy and import that'],
    ['real-doc/Word6.doc', 'unsupported_format', 'a Word 6.0/95 document, too old to read; save it as .docx and import that'],
  ])('%s', async (file, code, message) => {
    await expect(parse(file)).rejects.toMatchObject({ code, message });
  });

  it('a truncated file', async () => {
    const bytes = fs.readFileSync(fixture('legacy/seed.doc'));
    await expect(parseBytes(bytes.subarray(0, 20_000))).rejects.toMatchObject({ code: 'corrupt' });
  });
});

describe('WPS Office names', () => {
  it('an .et (a BIFF8 workbook) reads to the records of its .xlsx twin, but for source', async () => {
    const [et, xlsx] = [await outcome('legacy/real-06.et'), await outcome('real-06.xlsx')];
    if ('error' in et || 'error' in xlsx) throw new Error('both must read');
    expect(et.records.map(body)).toStrictEqual(xlsx.records.map(body));
    expect(et.records[0].source.format).toBe('xls');
  });

  it('a .wps is read as Word, an .et as Excel', async () => {
    expect((await parse('legacy/real-05.wps')).format).toBe('doc');
    expect((await parse('legacy/real-06.et')).format).toBe('xls');
  });
});
