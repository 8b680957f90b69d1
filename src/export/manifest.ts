// manifest.json: what a batch folder holds, so a loader needs nothing else: which run and kind it is,
// the change numbers it covers, and per table its file, row count, size, SHA-256 and column types.
import type { FeedColumns, FeedType } from '../store/feed-rows.ts';
import type { BatchId, BatchKind } from './batch-names.ts';
import type { FileDigest } from './durable.ts';
import type { ExportFormat } from './table-writer.ts';

export type FeedTable = 'filings' | 'indicators' | 'removed' | 'file_names';

export interface ManifestTable extends FileDigest {
  file: string;
  rows: number;
  columns: Record<string, FeedType>;
}

export interface Manifest {
  feedVersion: number;
  /** The feed's cursor name in the store: `<format>:<absolute folder>` when the batch was written. */
  feed: string;
  run: number;
  kind: BatchKind;
  format: ExportFormat;
  /** The record's schemaVersion. */
  schemaVersion: number;
  afterSeq: number;
  upToSeq: number;
  exportedAt: string;
  /** filings and indicators always; removed in incremental batches only (a full snapshot lacks what is gone). */
  tables: Partial<Record<FeedTable, ManifestTable>>;
}

export function manifestTable(file: string, rows: number, columns: FeedColumns, digest: FileDigest): ManifestTable {
  return { file, rows, bytes: digest.bytes, sha256: digest.sha256, columns: { ...columns } };
}

export function manifest(fields: Omit<Manifest, 'run' | 'kind' | 'afterSeq' | 'upToSeq'>, batch: BatchId): Manifest {
  const { feedVersion, feed, format, schemaVersion, exportedAt, tables } = fields;
  return { feedVersion, feed, run: batch.run, kind: batch.kind, format, schemaVersion, afterSeq: batch.afterSeq, upToSeq: batch.upToSeq, exportedAt, tables };
}
