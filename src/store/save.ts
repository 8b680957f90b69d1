// What saving one file's records means, written once for both backends. better-sqlite3 is
// synchronous and must run a transaction without awaiting, pg is asynchronous; so the steps are a
// generator that yields each statement and receives its rows, and each backend drives it its own way.
import type { FilingRecord } from '../schema.ts';
import { FILING_COLUMNS, filingRow, INDICATOR_COLUMNS, indicatorRows, recordContent, recordHash, valuesOf, type Row, type SqlValue } from './rows.ts';
import { INDICATOR_BATCH, SQL, type Dialect } from './sql.ts';
import type { SaveResult, UploadInfo } from './store.ts';

export interface Statement {
  sql: string;
  params: SqlValue[];
}

export type SaveSteps = Generator<Statement, SaveResult, Row[]>;

interface Hashed {
  record: FilingRecord;
  hash: string;
}

export interface SavePlan {
  insert: Hashed[];
  update: Hashed[];
  remove: string[];
  unchanged: number;
}

/**
 * Decides from what is stored of this file (each id with its record, where a replace needs it) what
 * to write; pure, so it is tested alone. A replace rewrites a record only when its content changed:
 * the name it was read under is not content (see recordContent), so a reparse that reads the same
 * bytes under another name writes nothing and takes no change number.
 */
export function planSave(stored: Map<string, FilingRecord | null>, records: Hashed[], replace: boolean): SavePlan {
  const plan: SavePlan = { insert: [], update: [], remove: [], unchanged: 0 };
  for (const r of records) {
    if (!stored.has(r.record.id)) plan.insert.push(r);
    else if (replace && !sameContent(stored.get(r.record.id) ?? null, r.record)) plan.update.push(r);
    else plan.unchanged++;
  }
  if (replace) {
    const wanted = new Set(records.map((r) => r.record.id));
    plan.remove = [...stored.keys()].filter((id) => !wanted.has(id));
  }
  return plan;
}

const sameContent = (stored: FilingRecord | null, record: FilingRecord) => stored !== null && recordContent(stored) === recordContent(record);

/** Refuses records that don't belong to the upload: they would be stored under another file. */
export function checkRecords(upload: UploadInfo, records: FilingRecord[]): void {
  const ids = new Set<string>();
  for (const r of records) {
    if (r.source.sha256 !== upload.sha256) {
      throw new Error(`record ${r.id} is from file ${r.source.sha256}, not from the upload ${upload.sha256}`);
    }
    if (ids.has(r.id)) throw new Error(`record ${r.id} is given twice`);
    ids.add(r.id);
  }
}

export function* saveSteps(dialect: Dialect, upload: UploadInfo, records: FilingRecord[], replace: boolean, now: string): SaveSteps {
  // A reparse reads what is already an upload: it was not imported again, under any name.
  if (!replace) yield* uploadSteps(dialect, upload, now);
  const stored = new Map<string, FilingRecord | null>();
  if (replace) {
    for (const row of yield { sql: SQL.storedRecords, params: [upload.sha256] }) stored.set(String(row.id), parseRecord(row.record_json));
  } else {
    for (const row of yield { sql: SQL.storedIds, params: [upload.sha256] }) stored.set(String(row.id), null);
  }

  const plan = planSave(stored, records.map((record) => ({ record, hash: recordHash(record) })), replace);
  let written = 0;
  let unchanged = plan.unchanged;

  for (const { record, hash } of plan.insert) {
    const seq = yield* nextSeq(dialect);
    const inserted = yield { sql: SQL.insertFiling, params: valuesOf(FILING_COLUMNS, filingRow(record, { hash, seq, now })) };
    // Another writer stored this form between our read and our insert: theirs stands.
    if (inserted.length === 0) {
      unchanged++;
      continue;
    }
    yield* insertIndicators(record);
    written++;
  }

  for (const { record, hash } of plan.update) {
    const seq = yield* nextSeq(dialect);
    const row = filingRow(record, { hash, seq, now });
    yield { sql: SQL.updateFiling, params: [...valuesOf(SQL.updateFilingColumns, row), record.id] };
    yield { sql: SQL.deleteIndicators, params: [record.id] };
    yield* insertIndicators(record);
    written++;
  }

  // Indicators of removed forms go with them (ON DELETE CASCADE). The removal gets a change number
  // of its own so that a feed that exported the form can tell its warehouse to drop it.
  for (const id of plan.remove) {
    yield { sql: SQL.deleteFiling, params: [id] };
    const seq = yield* nextSeq(dialect);
    yield { sql: SQL.insertRemoval, params: [id, seq, now] };
  }

  yield { sql: SQL.clearFailures, params: [upload.sha256, upload.path] };
  return { written, unchanged };
}

/** The upload and the name it came under, in the caller's transaction. */
export function* uploadSteps(dialect: Dialect, upload: UploadInfo, now: string): Generator<Statement, void, Row[]> {
  yield { sql: SQL.upsertUpload, params: [upload.sha256, upload.fileName, upload.path, upload.size, now, now] };
  const seen = yield { sql: SQL.touchUploadName, params: [now, upload.sha256, upload.fileName, upload.path] };
  if (seen.length) return;
  // Two writers recording the same new name: the unique key keeps one row, and the loser's number is a gap.
  const seq = yield* nextSeq(dialect);
  yield { sql: SQL.insertUploadName, params: [upload.sha256, upload.fileName, upload.path, now, now, seq] };
}

// SQLite hands JSON back as text, PostgreSQL's JSONB as a parsed value.
const parseRecord = (v: unknown): FilingRecord => (typeof v === 'string' ? JSON.parse(v) : v) as FilingRecord;

function* nextSeq(dialect: Dialect): Generator<Statement, number, Row[]> {
  const rows = yield { sql: dialect.nextSeq, params: [] };
  return Number(rows[0].seq);
}

function* insertIndicators(record: FilingRecord): Generator<Statement, void, Row[]> {
  const rows = indicatorRows(record);
  for (let i = 0; i < rows.length; i += INDICATOR_BATCH) {
    const batch = rows.slice(i, i + INDICATOR_BATCH);
    yield { sql: SQL.insertIndicators(batch.length), params: batch.flatMap((r) => valuesOf(INDICATOR_COLUMNS, r)) };
  }
}
