// What every store (SQLite embedded, PostgreSQL shared) offers. The import job, the CLI and the
// comparisons speak only to this interface; which database sits behind it is chosen in open.ts.
import type { ErrorCode } from '../../parsers/errors.ts';
import type { FilingRecord } from '../schema.ts';

/** One file a user gave us; its bytes live in the upload store under its sha256. */
export interface UploadInfo {
  sha256: string;
  /** Base name as given. */
  fileName: string;
  /** Where it was imported from (path on the importing machine), as given. */
  path: string;
  size: number;
}

export interface FailureRow {
  path: string;
  sha256: string | null;
  code: ErrorCode;
  message: string;
  /** ISO timestamp. */
  failedAt: string;
}

export interface SaveResult {
  /** Records written now (new, or changed on replace). */
  written: number;
  /** Records that were already stored unchanged. */
  unchanged: number;
}

export interface StoreCounts {
  uploads: number;
  filings: number;
  indicators: number;
  failures: number;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Remembers an upload (idempotent: the same sha256 twice is one row; the latest path/name win). */
  recordUpload(upload: UploadInfo): Promise<void>;
  /** True when the file was read before and all its records are stored (nothing to do again). */
  isStored(sha256: string): Promise<boolean>;
  /**
   * Writes one file's records in one transaction, all or none, and clears any failure of that file.
   * Without replace, records whose id exists are left untouched (idempotent re-import);
   * with replace (reparse), the file's rows are rewritten where the record changed and rows of
   * forms that no longer exist are removed.
   */
  saveRecords(upload: UploadInfo, records: FilingRecord[], opts?: { replace?: boolean }): Promise<SaveResult>;
  /** Notes a failed file (one row per sha256, or per path when there are no bytes); the latest reason wins. */
  recordFailure(failure: Omit<FailureRow, 'failedAt'>): Promise<void>;
  failures(): Promise<FailureRow[]>;
  /** Uploads to read again: all, or only those whose last attempt failed. */
  uploads(which: 'all' | 'failed'): Promise<UploadInfo[]>;
  counts(): Promise<StoreCounts>;
  close(): Promise<void>;
}
