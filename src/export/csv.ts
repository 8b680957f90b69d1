// A feed table as CSV (RFC 4180, UTF-8 without a byte-order mark, CRLF): a header row of column names,
// numbers unquoted as JavaScript prints them, a date as `YYYY-MM-DD`, a timestamp as ISO 8601 in UTC,
// a blank as an empty field (records never hold empty text, so empty always means null).
// People open the CSV feed in a spreadsheet too: its texts are written so that none is taken for a
// formula (spreadsheet-safe.ts). The ndjson and Parquet feeds, read by programs, keep the raw text.
import type { FeedColumns, FeedRow } from '../store/feed-rows.ts';
import { csvField } from '../report/csv.ts';
import { spreadsheetText } from '../text/spreadsheet-safe.ts';
import { DurableFile } from './durable.ts';
import type { TableWriter } from './table-writer.ts';

function field(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'number') return String(v);
  return csvField(spreadsheetText(String(v)));
}

export async function openCsv<C extends FeedColumns>(file: string, columns: C): Promise<TableWriter<C>> {
  const out = await DurableFile.create(file);
  const names = Object.keys(columns);
  await out.append(`${names.join(',')}\r\n`);
  return {
    async write(rows: FeedRow<C>[]) {
      if (rows.length === 0) return;
      await out.append(rows.map((r) => `${names.map((n) => field(r[n])).join(',')}\r\n`).join(''));
    },
    close: () => out.close(),
  };
}
