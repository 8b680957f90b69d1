// What SheetJS would trust in a workbook and pay for: thousands of sheets are read one by one, and a
// column setting <col min="1" max="30000000" hidden="1"/> makes it build one object per column
// (minutes, then out of memory) when it reads column settings at all (only with cellStyles). The
// sheet count is checked on the archive before SheetJS opens it; the column settings on the sheets'
// XML, which the first read (without cellStyles) leaves unread, before any read that would read them.
import { FilingError } from './errors.ts';
import { limits, thousands } from './limits.ts';
import type { ZipEntry } from './zip.ts';

const SHEET = /^xl\/(?:worksheets|macrosheets|dialogsheets)\/[^/]+\.xml$/i;
// The same pattern SheetJS reads column settings with, over the same part of the sheet (before sheetData).
const COL = /<(?:\w+:)?col\b[^<>]*\/?>/g;
const SHEET_DATA = /<(?:\w+:)?sheetData\b/;

/** Excel never writes overlapping column settings; a little slack for other writers. */
const MAX_COLUMN_SETTINGS = 4 * limits.sheetColumns;

export const isSheetPart = (name: string) => SHEET.test(name);

export function checkSheetCount(entries: ZipEntry[]): void {
  let sheets = 0;
  for (const e of entries) if (isSheetPart(e.name)) sheets++;
  if (sheets > limits.maxTables) {
    throw new FilingError('too_large', `too many sheets (${thousands(sheets)}; the limit is ${thousands(limits.maxTables)})`);
  }
}

/** Checks the column settings in a sheet's XML, which stand before its cells. */
export function checkColumnSettings(xml: Buffer, part: string): void {
  // Only the head is decoded: the cells can be megabytes.
  const cells = xml.indexOf('sheetData');
  const head = xml.subarray(0, cells < 0 ? xml.length : cells + 'sheetData'.length).toString('utf8');
  const data = SHEET_DATA.exec(head);
  const settings = data ? head.slice(0, data.index) : head;
  let covered = 0;
  for (const [tag] of settings.matchAll(COL)) {
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
