// What SheetJS would trust in a workbook's XML and pay for before we see a cell: a column setting
// <col min="1" max="30000000" hidden="1"/> makes it build one object per column (minutes, then out of
// memory), and thousands of sheets are read one by one. Both are checked here, on the archive, first.
import { FilingError } from './errors.ts';
import { limits, thousands } from './limits.ts';
import { listZip, openZip } from './zip.ts';

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
  for (const sheet of sheets) checkColumnSettings(zip.read(sheet.name).toString('utf8'), sheet.name);
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
