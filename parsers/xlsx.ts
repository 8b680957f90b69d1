// Excel (xlsx and legacy xls): every visible sheet becomes a grid. A cell reads as the text it
// displays (a 0% cell holding 1 reads 100%; number-format.ts), a date cell as an ISO date; hidden
// rows, columns and sheets are skipped, and !merges become merged regions mapped onto what is left
// visible. A sheet's grid spans the cells it holds, whatever range it declares, and merges are
// clipped to that.
import { createRequire } from 'node:module';
import * as XLSX from 'xlsx';
import { consoleAsMessages } from './console-capture.ts';
import { FilingError } from './errors.ts';
import type { Grid, Merge, ParsedDocument, ParseMessage } from './grid.ts';
import { CellBudget, limits, mib, thousands } from './limits.ts';
import { cleanFormat, displayText } from './number-format.ts';
import { usedRange, VisibleAxis } from './sheet-extent.ts';
import { checkColumnSettings, checkSheetCount, isSheetPart } from './xlsx-guard.ts';
import { isInflateCapped, useNativeInflate } from './xlsx-inflate.ts';
import { listZip, type ZipEntry } from './zip.ts';

useNativeInflate();

// Old Chinese workbooks (BIFF5 and earlier) store text in code page 936; SheetJS reads it only with
// the tables. They take longer to load (about 170 ms) than a form takes to read, and an .xlsx never
// needs them: they are loaded with the first legacy workbook.
let codePages = false;
function loadCodePages(): void {
  if (codePages) return;
  XLSX.set_cptable(createRequire(import.meta.url)('xlsx/dist/cpexcel.js'));
  codePages = true;
}

/**
 * A fresh options object for one read (SheetJS writes into it), naming every option SheetJS would
 * otherwise fill in itself. It fills a missing option in by name, one at a time, on each read, and
 * the object it then reads its options from on every cell is slower to read: naming them all makes
 * a form's read about 6% faster (bench corpus, in the bench's process).
 * Cell text is made here from the value and its format (cellText would format every number twice).
 * A formula cell reads as the value Excel last computed and stored; the formula itself says nothing
 * to a form, and reading it costs a search of every cell's XML.
 */
function readOptions(bookFiles: boolean, cellStyles: boolean): XLSX.ParsingOptions {
  return {
    type: 'buffer', dense: true, cellNF: true, cellText: false, cellDates: false, cellHTML: false, cellFormula: false, cellStyles,
    sheetStubs: false, sheetRows: 0, bookDeps: false, bookSheets: false, bookProps: false, bookFiles, bookVBA: false, password: '', WTF: false,
  };
}

/** `entries`: the archive's directory, where format detection has listed it already. */
export function parseWorkbook(buf: Buffer, entries?: ZipEntry[]): ParsedDocument {
  const messages: ParseMessage[] = [];
  const wb = isZip(buf) ? readXlsx(buf, entries ?? listZip(buf), messages) : readLegacy(buf, messages);
  if (wb.SheetNames.length > limits.maxTables) {
    throw new FilingError('too_large', `too many sheets (${thousands(wb.SheetNames.length)}; the limit is ${thousands(limits.maxTables)})`);
  }
  const grids: Grid[] = [];
  const budget = new CellBudget();
  // A sheet too large to read is skipped like a hidden one, so that a form beside a big data sheet is
  // still read; only when nothing else is left does its size become the file's error.
  let tooLarge: FilingError | undefined;
  wb.SheetNames.forEach((name, i) => {
    if (wb.Workbook?.Sheets?.[i]?.Hidden) {
      messages.push({ level: 'info', message: `sheet ${name}: hidden, skipped` });
      return;
    }
    try {
      const grid = sheetGrid(wb.Sheets[name], name, i + 1, messages, budget);
      if (grid) grids.push(grid);
    } catch (e) {
      if (!(e instanceof FilingError && e.code === 'too_large')) throw e;
      tooLarge ??= e;
      messages.push({ level: 'warning', message: `${e.message}; skipped` });
    }
  });
  if (tooLarge && grids.length === 0) throw tooLarge;
  return { grids, messages };
}

const isZip = (buf: Buffer) => buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50;

/**
 * SheetJS reads hidden rows and columns (!rows, !cols) only with cellStyles, which also makes it read
 * the theme, every cell's fill and a stub for every empty styled cell: a sixth of the read. Few forms
 * hide anything, so a workbook is read without it, and again with it only when a sheet's XML says
 * `hidden` somewhere.
 */
function readXlsx(buf: Buffer, entries: ZipEntry[], messages: ParseMessage[]): XLSX.WorkBook {
  checkSheetCount(entries);
  const wb = read(buf, readOptions(true, false), messages);
  const files = (wb as { files?: Record<string, { content?: unknown }> }).files ?? {};
  let hides = false;
  for (const [name, file] of Object.entries(files)) {
    if (!isSheetPart(name) || !(file.content instanceof Uint8Array)) continue;
    const xml = Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength);
    checkColumnSettings(xml, name);
    hides ||= xml.includes('hidden');
  }
  // The second read says again what the first said.
  return hides ? read(buf, readOptions(false, true), []) : wb;
}

function readLegacy(buf: Buffer, messages: ParseMessage[]): XLSX.WorkBook {
  loadCodePages();
  return read(buf, readOptions(false, true), messages);
}

function read(buf: Buffer, options: XLSX.ParsingOptions, messages: ParseMessage[]): XLSX.WorkBook {
  try {
    return consoleAsMessages('SheetJS', messages, () => XLSX.read(buf, options));
  } catch (e) {
    if (isInflateCapped(e)) throw new FilingError('too_large', `a part of the workbook unpacks to more than ${mib(limits.maxExpandedBytes)} (FILINGS_MAX_EXPANDED_MB)`);
    const msg = (e as Error).message ?? String(e);
    if (/password|encrypt/i.test(msg)) throw new FilingError('encrypted', 'password-protected (encrypted) workbook; save an unprotected copy and import that');
    throw new FilingError('corrupt', `damaged workbook (${msg.split('\n')[0]})`);
  }
}

function sheetGrid(ws: XLSX.WorkSheet, name: string, index: number, messages: ParseMessage[], budget: CellBudget): Grid | null {
  if (!ws) return null;
  const { range, outside } = usedRange(ws);
  if (outside) messages.push({ level: 'warning', message: `sheet ${name}: ${outside} cell(s) beyond Excel's last row or column ignored` });
  if (!range) return null;
  const rowsInfo = ws['!rows'] ?? [];
  const colsInfo = ws['!cols'] ?? [];
  const rows = new VisibleAxis(range.s.r, range.e.r, (r) => rowsInfo[r]?.hidden === true);
  const cols = new VisibleAxis(range.s.c, range.e.c, (c) => colsInfo[c]?.hidden === true);
  const hidden = rows.hiddenCount + cols.hiddenCount;
  if (hidden) messages.push({ level: 'info', message: `sheet ${name}: ${hidden} hidden row(s)/column(s) skipped` });
  budget.take(rows.kept.length * cols.kept.length, `sheet ${name}`);
  const dense = (ws as unknown as { '!data'?: XLSX.CellObject[][] })['!data'];
  const cellAt = (r: number, c: number): XLSX.CellObject | undefined => (dense ? dense[r]?.[c] : ws[XLSX.utils.encode_cell({ r, c })]);
  const cells: string[][] = [];
  for (const r of rows.kept) {
    const row = dense?.[r];
    const texts: string[] = [];
    for (const c of cols.kept) texts.push(cellText(dense ? row?.[c] : cellAt(r, c)));
    cells.push(texts);
  }
  const merges: Merge[] = [];
  for (const m of ws['!merges'] ?? []) {
    const rowSpan = rows.span(m.s.r, m.e.r);
    const colSpan = cols.span(m.s.c, m.e.c);
    if (!rowSpan || !colSpan) continue;
    const [r0, r1] = rowSpan;
    const [c0, c1] = colSpan;
    // The value lives in the region's top-left cell, which may be the hidden one.
    if (cells[r0][c0] === '') cells[r0][c0] = cellText(cellAt(m.s.r, m.s.c));
    if (r1 > r0 || c1 > c0) merges.push({ r0, c0, r1, c1 });
  }
  return { locator: `sheet ${name}`, index, cells, merges, mergesKnown: true, before: [] };
}

function cellText(cell: XLSX.CellObject | undefined): string {
  if (!cell || cell.v == null) return '';
  if (cell.t === 's' && typeof cell.v === 'string') return cell.v;
  if (cell.t === 'n') {
    const fmt = typeof cell.z === 'string' ? cell.z : 'General';
    // SheetJS's own text (cell.w) prints locale tags as `$` ($100%); the code is cleaned first, and the
    // date test reads the cleaned code so that `[$-804]yyyy年m月d日` is still a date.
    if (XLSX.SSF.is_date(cleanFormat(fmt))) {
      const d = XLSX.SSF.parse_date_code(cell.v as number);
      return `${d.y}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`;
    }
    // General shows at most 11 digits; the stored number is what the filer typed.
    if (fmt === 'General') return String(cell.v);
    return displayText(cell.v as number, fmt);
  }
  if (cell.t === 'd') return cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : String(cell.v);
  if (cell.t === 'b') return cell.v ? 'TRUE' : 'FALSE';
  if (cell.t === 'e') return ERRORS.get(cell.v as number) ?? '#ERROR!';
  return String(cell.v);
}

/** Excel's error codes as it displays them (SheetJS gives the code; its text only with cellText). */
const ERRORS = new Map([
  [0x00, '#NULL!'],
  [0x07, '#DIV/0!'],
  [0x0f, '#VALUE!'],
  [0x17, '#REF!'],
  [0x1d, '#NAME?'],
  [0x24, '#NUM!'],
  [0x2a, '#N/A'],
  [0x2b, '#GETTING_DATA'],
]);
