// One table of the feed being written to one file, page by page. Every format implements this; the
// batch (batch.ts) decides where the file goes and when it becomes visible.
import type { FeedColumns, FeedRow } from '../store/feed-rows.ts';
import type { FileDigest } from './durable.ts';

export type ExportFormat = 'ndjson' | 'csv' | 'parquet';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['ndjson', 'csv', 'parquet'];

export interface TableWriter<C extends FeedColumns> {
  write(rows: FeedRow<C>[]): Promise<void>;
  /** Finishes the file and flushes it to disk (fsync): after this it is complete or the run failed. */
  close(): Promise<FileDigest>;
}

export type OpenTable = <C extends FeedColumns>(file: string, columns: C) => Promise<TableWriter<C>>;
