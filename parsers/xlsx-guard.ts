// What SheetJS would trust in a workbook's XML and pay for before we see a cell: a column setting
// <col min="1" max="30000000" hidden="1"/> makes it build one object per column (minutes, then out of
// memory), and thousands of sheets are read one by one. Both are checked here, on the archive, first.
import { FilingError } from './errors.ts';
import { limits, thousands } from './limits.ts';
import { listZip, openZip, type ZipEntry, type ZipReader } from './zip.ts';

const SHEET = /^xl\/(?:worksheets|macrosheets|dialogsheets)\/[^/]+\.xml$/i;
// The same pattern SheetJS reads column settings with, over the same part of the sheet (before sheetData).
const COL = /<(?:\w+:)?col\b[^<>]*\/?>/g;
const SHEET_DATA = /<(?:\w+:)?sheetData\b/;

/** Excel never writes overlapping column settings; a little slack for other writers. */
const MAX_COLUMN_SETTINGS = 4 * limits.sheetColumns;

export function guardWorkbookZip(buf: Buffer): void {
  const entries = listZip(buf);
  const sheets = entries.filter((e) => SHEET.test(e.name));
  if (sheets.length > limits.maxTables) {
    throw new FilingError('too_large', `too many sheets (${thousands(sheets.length)}; the limit is ${thousands(limits.maxTables)})`);
  }
  const zip = openZip(buf, entries);
  for (const sheet of sheets) checkColumnSettings(sheetHead(zip, sheet), sheet.name);
}

/** The compressed bytes whose text nearly always reaches <sheetData> (column settings come before it). */
const HEAD_BYTES = 2048;

/** The sheet's XML up to its cells when the head holds them all; the whole sheet when it does not. */
function sheetHead(zip: ZipReader, sheet: ZipEntry): string {
  // SheetJS inflates every sheet again: inflating only the head keeps the check nearly free.
  if (sheet.compressedSize > HEAD_BYTES) {
    const head = zip.readHead(sheet.name, HEAD_BYTES).toString('utf8');
    if (SHEET_DATA.test(head)) return head;
  }
  return zip.read(sheet.name).toString('utf8');
}

function checkColumnSettings(xml: string, part: string): void {
  const data = SHEET_DATA.exec(xml);
  const head = data ? xml.slice(0, data.index) : xml;
  let covered = 0;
  for (const [tag] of head.matchAll(COL)) {
    const min = parseInt(attribute(tag, 'min'), 10);
    const max = parseInt(attribute(tag, 'max'), 10);
    if (!(max >= min)) continue;
    if (min < 1 || max > limits.sheetColumns) {
      throw new FilingError('corrupt', `damaged workbook (${part} sets columns ${thousands(min)} to ${thousands(max)}; a sheet has ${thousands(limits.sheetColumns)})`);
    }
    covered += max - min + 1;
    if (covered > MAX_COLUMN_SETTINGS) {
      throw new FilingError('corrupt', `damaged workbook (${part} repeats its column settings over ${thousands(covered)} columns)`);
    }
  }
}

function attribute(tag: string, name: string): string {
  return new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`).exec(tag)?.[1] ?? '';
}
