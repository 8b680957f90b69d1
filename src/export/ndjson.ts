// A feed table as newline-delimited JSON: one object per row, every column present, numbers as
// numbers, a date as `YYYY-MM-DD`, a timestamp as ISO 8601 in UTC, a blank as null.
import type { FeedColumns, FeedRow } from '../store/feed-rows.ts';
import { DurableFile } from './durable.ts';
import type { TableWriter } from './table-writer.ts';

const jsonValue = (v: unknown) => (v instanceof Date ? v.toISOString() : v);

export async function openNdjson<C extends FeedColumns>(file: string, columns: C): Promise<TableWriter<C>> {
  const out = await DurableFile.create(file);
  const names = Object.keys(columns);
  return {
    async write(rows: FeedRow<C>[]) {
      if (rows.length === 0) return;
      const lines = rows.map((r) => JSON.stringify(Object.fromEntries(names.map((n) => [n, jsonValue(r[n])]))));
      await out.append(`${lines.join('\n')}\n`);
    },
    close: () => out.close(),
  };
}
