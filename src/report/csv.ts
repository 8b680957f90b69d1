// Views as CSV (RFC 4180), one file per view: the first under the name given, each further one with
// its view's English file name before the extension (report.csv, report.empty-groups.csv). Marks are not written:
// the views spell every change out in a column of its own, so the values say it all.
// Written with a byte-order mark: Excel opens a BOM-less UTF-8 CSV as the local code page and shows
// the Chinese as mojibake; every other reader skips the BOM. Texts are written so that a spreadsheet
// takes none for a formula (spreadsheet-safe.ts); numbers are written as numbers.
import fs from 'node:fs';
import path from 'node:path';
import { spreadsheetText } from '../text/spreadsheet-safe.ts';
import { formatNumber } from './terminal.ts';
import type { ReportCell, ReportView } from './view.ts';

export function csvField(v: string): string {
  return /[",\r\n]/.test(v) || /^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

const textField = (v: string) => csvField(spreadsheetText(v));
const value = (c: ReportCell) => (c.value === null ? '' : typeof c.value === 'number' ? formatNumber(c.value) : textField(c.value));

export function viewCsv(view: ReportView): string {
  const lines = [view.columns.map((c) => textField(c.header)).join(','), ...view.rows.map((r) => r.map(value).join(','))];
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** The files the views go to, in order. */
export function csvFiles(file: string, views: ReportView[]): string[] {
  const ext = path.extname(file);
  const stem = file.slice(0, file.length - ext.length);
  return views.map((v, i) => (i === 0 ? file : `${stem}.${v.file}${ext || '.csv'}`));
}

export function writeCsvFiles(file: string, views: ReportView[]): string[] {
  const files = csvFiles(file, views);
  views.forEach((v, i) => fs.writeFileSync(files[i], viewCsv(v)));
  return files;
}
