// What every store (SQLite embedded, PostgreSQL shared) offers. The import job, the CLI and the
// comparisons speak only to this interface; which database sits behind it is chosen in open.ts.
import type { ErrorCode } from '../../parsers/errors.ts';
import type { FilingRecord } from '../schema.ts';
import type { FeedName, FeedPage, FeedRemoval } from './feed-rows.ts';

/** One file a user gave us; its bytes live in the upload store under its sha256. */
export interface UploadInfo {
  sha256: string;
  /** Base name as given. */
  fileName: string;
  /** Where it was imported from (path on the importing machine), as given. */
  path: string;
  size: number;
}

/** One name a content was imported under (Store.fileNames). */
export interface UploadName {
  /** Base name as given. */
  fileName: string;
  /** Where it was imported from, as given; null for a name kept from before paths were kept per name. */
  path: string | null;
  /** ISO timestamps: the first and the latest import under this name and path. */
  firstSeen: string;
  lastSeen: string;
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

/**
 * Which filings to read. Every field narrows; text is matched after normalisation. A level is a
 * code (`cost`) or a label (成本指标, 成本), and keeps the filings with at least one indicator in it.
 */
export interface FilingFilter {
  year?: number;
  /** Part of the department's name, or its code exactly. */
  department?: string;
  /** Part of the project's name. */
  project?: string;
  level1?: string;
  level2?: string;
}

/** One stored filing as a line of a listing. */
export interface FilingSummary {
  id: string;
  seq: number;
  fiscalYear: number | null;
  department: string | null;
  departmentCode: string | null;
  projectName: string | null;
  fileName: string;
  locator: string;
  indicators: number;
  /** 项目资金总额 and 年度资金申请总额, in 万元. */
  fundingTotal: number | null;
  annualTotal: number | null;
}

/** A stored record with the change number it was last written under (newer = larger). */
export interface StoredRecord {
  seq: number;
  record: FilingRecord;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /**
   * Remembers an upload under the name and path it came with (idempotent). The same bytes under
   * another name stay one upload: its first name and path stay its own (what `uploads()` returns and
   * what records read again show as source.file), and every name is kept (fileNames).
   */
  recordUpload(upload: UploadInfo): Promise<void>;
  /** Every name the content with this sha256 was imported under, earliest first; [] for unknown content. */
  fileNames(sha256: string): Promise<UploadName[]>;
  /** The ids of the filings stored from this content, in form order. */
  filingIdsOf(sha256: string): Promise<string[]>;
  /** True when the file was read before and all its records are stored (nothing to do again). */
  isStored(sha256: string): Promise<boolean>;
  /**
   * Writes one file's records in one transaction, all or none, and clears any failure of that file.
   * Without replace, the upload is recorded (as recordUpload) and records whose id exists are left
   * untouched (idempotent re-import). With replace (reparse of a stored upload), a record is rewritten
   * only where what it says changed (the file name it was read under does not count), and rows of forms
   * that no longer exist are removed; a replace that changes nothing writes nothing.
   */
  saveRecords(upload: UploadInfo, records: FilingRecord[], opts?: { replace?: boolean }): Promise<SaveResult>;
  /** Notes a failed file (one row per sha256, or per path when there are no bytes); the latest reason wins. */
  recordFailure(failure: Omit<FailureRow, 'failedAt'>): Promise<void>;
  failures(): Promise<FailureRow[]>;
  /** Uploads to read again: all, or only those whose last attempt failed. */
  uploads(which: 'all' | 'failed'): Promise<UploadInfo[]>;
  counts(): Promise<StoreCounts>;
  /** Summaries of the filings the filter keeps, by year, department, project, then seq. */
  listFilings(filter?: FilingFilter): Promise<FilingSummary[]>;
  /** The stored records of these ids (unknown ids are left out), in seq order. */
  records(ids: string[]): Promise<StoredRecord[]>;

  // The warehouse feed. A feed reads the change numbers (seq) above its cursor up to a bound taken
  // once at its start, so rows written during the export wait for the next run.
  /** The highest change number handed out to a stored filing, a removal or a new file name; 0 for an empty store. */
  lastChange(): Promise<number>;
  /** Filings with after < seq <= upTo, the first `limit` in seq order, and their indicators, read in one snapshot. */
  feedPage(after: number, upTo: number, limit: number): Promise<FeedPage>;
  /** Forms removed with after < seq <= upTo that are not stored again since. */
  feedRemovals(after: number, upTo: number): Promise<FeedRemoval[]>;
  /** Names first recorded with after < seq <= upTo (every name a content was imported under), in seq order. */
  feedNames(after: number, upTo: number): Promise<FeedName[]>;
  /** Where the named feed got to: 0 before its first export. */
  exportCursor(name: string): Promise<number>;
  /**
   * Moves the named feed's cursor from `from` (what exportCursor said) to `to`. Throws an
   * ExportCursorMoved error when it is no longer at `from`: another export of that feed ran meanwhile.
   */
  moveExportCursor(name: string, from: number, to: number): Promise<void>;

  // Access to the service (filings serve, filings token).
  addToken(token: Omit<TokenRow, 'createdAt' | 'revokedAt'>): Promise<void>;
  /** Every token, revoked ones too, oldest first. */
  listTokens(): Promise<TokenRow[]>;
  /** Revokes the tokens of that id or name; how many were revoked. */
  revokeToken(idOrName: string): Promise<number>;
  /** The live (not revoked) token with that hash. */
  tokenByHash(hash: string): Promise<TokenRow | undefined>;
  /** Opens a login session, kept by the sha256 of its id; sessions past their time are dropped. */
  openSession(session: { idHash: string; tokenHash: string; expiresAt: string }): Promise<void>;
  /** The token hash of the session with that id hash, if it is open and not past `now` (ISO). */
  sessionToken(idHash: string, now: string): Promise<string | undefined>;
  closeSession(idHash: string): Promise<void>;
  /** Notes that a token uploaded a content under a name (idempotent). */
  recordUploadOwner(owner: { sha256: string; tokenId: string; fileName: string }): Promise<void>;
  /** Uploads through the service, newest first: of one token, or of all. */
  ownedUploads(tokenId: string | null): Promise<OwnedUpload[]>;
  close(): Promise<void>;
}

export type Role = 'uploader' | 'auditor' | 'admin';

export interface TokenRow {
  /** Public: names the token in listings and in upload_owners; not the secret. */
  id: string;
  name: string;
  role: Role;
  tokenHash: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface OwnedUpload {
  sha256: string;
  tokenId: string;
  fileName: string;
  uploadedAt: string;
}
