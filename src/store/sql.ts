// The SQL both backends run, written once with `?` placeholders (Postgres gets `$n` from toPg).
// Only what truly differs between the dialects lives in the Dialect objects at the bottom.
import { FILING_COLUMNS, FILING_KEEP_ON_UPDATE, INDICATOR_COLUMNS } from './rows.ts';

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

const FILING_UPDATED = FILING_COLUMNS.filter((c) => !FILING_KEEP_ON_UPDATE.includes(c));

export const SQL = {
  // The first name and path stay (they are what source.file shows); every name goes to upload_names.
  upsertUpload: `INSERT INTO uploads (sha256, file_name, path, size, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (sha256) DO UPDATE SET size = excluded.size, last_seen = excluded.last_seen`,
  // A name seen again only moves last_seen; a new one takes a change number (the feed's file_names).
  touchUploadName: `UPDATE upload_names SET last_seen = ? WHERE sha256 = ? AND file_name = ? AND path = ? RETURNING seq`,
  insertUploadName: `INSERT INTO upload_names (sha256, file_name, path, first_seen, last_seen, seq) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (sha256, path, file_name) WHERE path IS NOT NULL DO UPDATE SET last_seen = excluded.last_seen`,
  // Earliest first, the upload's own name first among equals (names backfilled by migration 003 may
  // share a time); (path IS NULL) because the engines disagree on where NULLs sort.
  fileNames: `SELECT n.file_name, n.path, n.first_seen, n.last_seen FROM upload_names n JOIN uploads u ON u.sha256 = n.sha256
    WHERE n.sha256 = ? ORDER BY n.first_seen, (n.file_name <> u.file_name), n.file_name, (n.path IS NULL), n.path`,

  storedIds: `SELECT id FROM filings WHERE sha256 = ?`,
  storedRecords: `SELECT id, record_json FROM filings WHERE sha256 = ?`,

  // DO NOTHING, not a prior SELECT: when two writers race, the unique key decides who inserts.
  insertFiling: `INSERT INTO filings (${FILING_COLUMNS.join(', ')}) VALUES (${marks(FILING_COLUMNS.length)})
    ON CONFLICT (id) DO NOTHING RETURNING id`,
  updateFilingColumns: FILING_UPDATED,
  updateFiling: `UPDATE filings SET ${FILING_UPDATED.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`,
  deleteFiling: `DELETE FROM filings WHERE id = ?`,
  insertRemoval: `INSERT INTO filing_removals (id, seq, removed_at) VALUES (?, ?, ?)`,

  deleteIndicators: `DELETE FROM indicators WHERE filing_id = ?`,
  insertIndicators: (rows: number) =>
    `INSERT INTO indicators (${INDICATOR_COLUMNS.join(', ')}) VALUES ${Array.from({ length: rows }, () => `(${marks(INDICATOR_COLUMNS.length)})`).join(', ')}`,

  // A file that now reads clears what was noted against it, by content or, without bytes, by path.
  clearFailures: `DELETE FROM failures WHERE sha256 = ? OR (sha256 IS NULL AND path = ?)`,
  upsertFailureBySha: `INSERT INTO failures (path, sha256, code, message, failed_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (sha256) WHERE sha256 IS NOT NULL
    DO UPDATE SET path = excluded.path, code = excluded.code, message = excluded.message, failed_at = excluded.failed_at`,
  upsertFailureByPath: `INSERT INTO failures (path, sha256, code, message, failed_at) VALUES (?, NULL, ?, ?, ?)
    ON CONFLICT (path) WHERE sha256 IS NULL
    DO UPDATE SET code = excluded.code, message = excluded.message, failed_at = excluded.failed_at`,
  // (sha256 IS NULL) because the engines disagree on where NULLs sort.
  failures: `SELECT path, sha256, code, message, failed_at FROM failures ORDER BY path, (sha256 IS NULL), sha256`,

  isStored: `SELECT (EXISTS (SELECT 1 FROM filings WHERE sha256 = ?)
    AND NOT EXISTS (SELECT 1 FROM failures WHERE sha256 = ?)) AS stored`,
  uploadsAll: `SELECT sha256, file_name, path, size FROM uploads ORDER BY path, sha256`,
  uploadsFailed: `SELECT u.sha256, u.file_name, u.path, u.size FROM uploads u
    WHERE EXISTS (SELECT 1 FROM failures f WHERE f.sha256 = u.sha256) ORDER BY u.path, u.sha256`,
  counts: `SELECT (SELECT count(*) FROM uploads) AS uploads, (SELECT count(*) FROM filings) AS filings,
    (SELECT count(*) FROM indicators) AS indicators, (SELECT count(*) FROM failures) AS failures`,
} as const;

/** Rows per multi-row indicator insert: far below either engine's limit on bound parameters. */
export const INDICATOR_BATCH = 200;

/** `?` → `$1, $2, …`. Safe because no statement in this folder has a `?` inside a literal. */
export function toPg(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

export interface Dialect {
  /** One statement returning one row with column `seq`: the next change number. */
  nextSeq: string;
}

export const SQLITE: Dialect = {
  // max(seq)+1 would hand out a number again after the newest row is deleted; a counter never does.
  nextSeq: `UPDATE counters SET value = value + 1 WHERE name = 'filings_seq' RETURNING value AS seq`,
};

export const POSTGRES: Dialect = {
  nextSeq: `SELECT nextval('filings_seq') AS seq`,
};

// Access to the service: tokens by hash, uploads by who sent them.
export const ACCESS_SQL = {
  addToken: `INSERT INTO api_tokens (id, name, role, token_hash, created_at) VALUES (?, ?, ?, ?, ?)`,
  listTokens: `SELECT id, name, role, token_hash, created_at, revoked_at FROM api_tokens ORDER BY created_at, id`,
  revokeToken: `UPDATE api_tokens SET revoked_at = ? WHERE (id = ? OR name = ?) AND revoked_at IS NULL RETURNING id`,
  tokenByHash: `SELECT id, name, role, token_hash, created_at, revoked_at FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL`,
  recordOwner: `INSERT INTO upload_owners (sha256, token_id, file_name, uploaded_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (sha256, token_id) DO NOTHING`,
  openSession: `INSERT INTO sessions (id_hash, token_hash, expires_at) VALUES (?, ?, ?)`,
  pruneSessions: `DELETE FROM sessions WHERE expires_at <= ?`,
  sessionToken: `SELECT token_hash FROM sessions WHERE id_hash = ? AND expires_at > ?`,
  closeSession: `DELETE FROM sessions WHERE id_hash = ?`,
  ownedUploads: (all: boolean) =>
    `SELECT sha256, token_id, file_name, uploaded_at FROM upload_owners${all ? '' : ' WHERE token_id = ?'} ORDER BY uploaded_at DESC, sha256`,
} as const;
