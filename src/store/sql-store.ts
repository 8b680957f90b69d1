// The Store interface over any SQL backend: a backend supplies how to run one statement, how to run
// the save steps in one transaction, and how to close; everything the methods mean is here, once.
import type { FilingRecord } from '../schema.ts';
import { ExportCursorMoved, StoreError } from './errors.ts';
import { FEED_INDICATOR_COLUMNS, FEED_NAME_COLUMNS, FEED_REMOVAL_COLUMNS, toFeedFiling, toFeedRow, type FeedName, type FeedPage, type FeedRemoval } from './feed-rows.ts';
import { filterSql, ID_BATCH, READ_SQL } from './read-sql.ts';
import { iso, toCount, toFailure, toToken, toUpload, toUploadName, type Row, type SqlValue } from './rows.ts';
import { checkRecords, saveSteps, uploadSteps, type Statement } from './save.ts';
import { ACCESS_SQL, SQL, type Dialect } from './sql.ts';
import type { FailureRow, FilingFilter, FilingSummary, OwnedUpload, SaveResult, Store, StoreCounts, StoredRecord, TokenRow, UploadInfo, UploadName } from './store.ts';

/** Statements run one after another in one transaction, the next chosen from the rows of the last. */
export type Steps<T> = Generator<Statement, T, Row[]>;

export abstract class SqlStore implements Store {
  abstract readonly kind: 'sqlite' | 'postgres';
  protected abstract readonly dialect: Dialect;
  /** Runs one statement (`?` placeholders) outside any explicit transaction; rows, or [] for none. */
  protected abstract query(sql: string, params?: SqlValue[]): Promise<Row[]>;
  /** Drives the steps inside one write transaction, committing their result or rolling back on throw. */
  protected abstract transact<T>(steps: Steps<T>): Promise<T>;
  /** Drives read-only steps inside one transaction, so they all see the same committed state. */
  protected abstract snapshot<T>(steps: Steps<T>): Promise<T>;
  abstract close(): Promise<void>;

  async recordUpload(u: UploadInfo): Promise<void> {
    const now = new Date().toISOString();
    await this.run(`recording upload ${u.fileName}`, () => this.transact(uploadSteps(this.dialect, u, now)));
  }

  async addToken(t: Omit<TokenRow, 'createdAt' | 'revokedAt'>): Promise<void> {
    await this.run(`adding token ${t.name}`, () => this.query(ACCESS_SQL.addToken, [t.id, t.name, t.role, t.tokenHash, new Date().toISOString()]));
  }

  async listTokens(): Promise<TokenRow[]> {
    return (await this.run('listing tokens', () => this.query(ACCESS_SQL.listTokens))).map(toToken);
  }

  async revokeToken(idOrName: string): Promise<number> {
    return (await this.run(`revoking token ${idOrName}`, () => this.query(ACCESS_SQL.revokeToken, [new Date().toISOString(), idOrName, idOrName]))).length;
  }

  async tokenByHash(hash: string): Promise<TokenRow | undefined> {
    const [row] = await this.run('checking a token', () => this.query(ACCESS_SQL.tokenByHash, [hash]));
    return row ? toToken(row) : undefined;
  }

  async openSession(s: { idHash: string; tokenHash: string; expiresAt: string }): Promise<void> {
    await this.run('opening a session', async () => {
      await this.query(ACCESS_SQL.pruneSessions, [new Date().toISOString()]);
      await this.query(ACCESS_SQL.openSession, [s.idHash, s.tokenHash, s.expiresAt]);
    });
  }

  async sessionToken(idHash: string, now: string): Promise<string | undefined> {
    const [row] = await this.run('checking a session', () => this.query(ACCESS_SQL.sessionToken, [idHash, now]));
    return row ? String(row.token_hash) : undefined;
  }

  async closeSession(idHash: string): Promise<void> {
    await this.run('closing a session', () => this.query(ACCESS_SQL.closeSession, [idHash]));
  }

  async recordUploadOwner(o: { sha256: string; tokenId: string; fileName: string }): Promise<void> {
    await this.run(`recording who uploaded ${o.fileName}`, () => this.query(ACCESS_SQL.recordOwner, [o.sha256, o.tokenId, o.fileName, new Date().toISOString()]));
  }

  async ownedUploads(tokenId: string | null): Promise<OwnedUpload[]> {
    const rows = await this.run('listing uploads', () => this.query(ACCESS_SQL.ownedUploads(tokenId === null), tokenId === null ? [] : [tokenId]));
    return rows.map((r) => ({ sha256: String(r.sha256), tokenId: String(r.token_id), fileName: String(r.file_name), uploadedAt: iso(r.uploaded_at) }));
  }

  async fileNames(sha256: string): Promise<UploadName[]> {
    return (await this.run('listing the names of a file', () => this.query(SQL.fileNames, [sha256]))).map(toUploadName);
  }

  async filingIdsOf(sha256: string): Promise<string[]> {
    const rows = await this.run('listing the filings of a file', () => this.query(SQL.storedIds, [sha256]));
    return rows.map((r) => String(r.id)).sort((a, b) => Number(a.split(':')[1]) - Number(b.split(':')[1]));
  }

  async isStored(sha256: string): Promise<boolean> {
    const rows = await this.run('checking a stored file', () => this.query(SQL.isStored, [sha256, sha256]));
    return Boolean(rows[0]?.stored);
  }

  async saveRecords(upload: UploadInfo, records: FilingRecord[], opts: { replace?: boolean } = {}): Promise<SaveResult> {
    const doing = `saving ${records.length} record${records.length === 1 ? '' : 's'} of ${upload.fileName}`;
    try {
      checkRecords(upload, records);
    } catch (e) {
      throw new StoreError(`${this.kind} store: ${doing}`, e);
    }
    const now = new Date().toISOString();
    return this.run(doing, () => this.transact(saveSteps(this.dialect, upload, records, opts.replace ?? false, now)));
  }

  async recordFailure(f: Omit<FailureRow, 'failedAt'>): Promise<void> {
    const now = new Date().toISOString();
    await this.run(`recording the failure of ${f.path}`, () =>
      f.sha256 === null
        ? this.query(SQL.upsertFailureByPath, [f.path, f.code, f.message, now])
        : this.query(SQL.upsertFailureBySha, [f.path, f.sha256, f.code, f.message, now]),
    );
  }

  async failures(): Promise<FailureRow[]> {
    return (await this.run('listing failures', () => this.query(SQL.failures))).map(toFailure);
  }

  async uploads(which: 'all' | 'failed'): Promise<UploadInfo[]> {
    const sql = which === 'all' ? SQL.uploadsAll : SQL.uploadsFailed;
    return (await this.run('listing uploads', () => this.query(sql))).map(toUpload);
  }

  async counts(): Promise<StoreCounts> {
    const [row] = await this.run('counting rows', () => this.query(SQL.counts));
    return { uploads: toCount(row.uploads), filings: toCount(row.filings), indicators: toCount(row.indicators), failures: toCount(row.failures) };
  }

  async listFilings(filter: FilingFilter = {}): Promise<FilingSummary[]> {
    const { where, params } = filterSql(filter);
    const rows = await this.run('listing filings', () => this.query(READ_SQL.listFilings(where), params));
    return rows.map(toSummary).sort(bySummary);
  }

  async records(ids: string[]): Promise<StoredRecord[]> {
    const out: StoredRecord[] = [];
    for (let i = 0; i < ids.length; i += ID_BATCH) {
      const batch = ids.slice(i, i + ID_BATCH);
      const rows = await this.run('reading records', () => this.query(READ_SQL.records(batch.length), batch));
      for (const row of rows) out.push({ seq: Number(row.seq), record: parseJson(row.record_json) as FilingRecord });
    }
    return out.sort((a, b) => a.seq - b.seq);
  }

  async lastChange(): Promise<number> {
    const [row] = await this.run('reading the last change number', () => this.query(READ_SQL.lastChange));
    return row?.seq == null ? 0 : Number(row.seq);
  }

  async feedPage(after: number, upTo: number, limit: number): Promise<FeedPage> {
    return this.run('reading filings to export', () =>
      this.snapshot(
        (function* (): Steps<FeedPage> {
          const filings = (yield { sql: READ_SQL.feedFilings, params: [after, upTo, limit] }).map(toFeedFiling);
          if (filings.length === 0) return { filings, indicators: [] };
          const [first, last] = [filings[0].seq, filings[filings.length - 1].seq];
          const indicators = (yield { sql: READ_SQL.feedIndicators, params: [first, last] }).map((r) => toFeedRow(FEED_INDICATOR_COLUMNS, r));
          return { filings, indicators };
        })(),
      ),
    );
  }

  async feedRemovals(after: number, upTo: number): Promise<FeedRemoval[]> {
    const rows = await this.run('reading removed forms', () => this.query(READ_SQL.feedRemovals, [after, upTo]));
    return rows.map((r) => toFeedRow(FEED_REMOVAL_COLUMNS, r));
  }

  async feedNames(after: number, upTo: number): Promise<FeedName[]> {
    const rows = await this.run('reading file names to export', () => this.query(READ_SQL.feedNames, [after, upTo]));
    return rows.map((r) => toFeedRow(FEED_NAME_COLUMNS, r));
  }

  async exportCursor(name: string): Promise<number> {
    const [row] = await this.run(`reading the cursor of export ${name}`, () => this.query(READ_SQL.exportCursor, [name]));
    return row ? Number(row.seq) : 0;
  }

  async moveExportCursor(name: string, from: number, to: number): Promise<void> {
    const now = new Date().toISOString();
    const rows = await this.run(`moving the cursor of export ${name}`, async () => {
      const moved = await this.query(READ_SQL.updateExportCursor, [to, now, name, from]);
      if (moved.length || from !== 0) return moved;
      // A feed's first run: no row yet, unless another first run just wrote one (then nothing returns).
      return this.query(READ_SQL.insertExportCursor, [name, to, now]);
    });
    if (rows.length === 0) throw new ExportCursorMoved(name, from);
  }

  /** Every database error leaves as a StoreError naming what the store was doing. */
  private async run<T>(doing: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      throw e instanceof StoreError ? e : new StoreError(`${this.kind} store: ${doing}`, e);
    }
  }
}

const parseJson = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);
const textOrNull = (v: unknown): string | null => (v == null ? null : String(v));

function toSummary(row: Row): FilingSummary {
  return {
    id: String(row.id),
    seq: Number(row.seq),
    fiscalYear: row.fiscal_year == null ? null : Number(row.fiscal_year),
    department: textOrNull(row.department),
    departmentCode: textOrNull(row.department_code),
    projectName: textOrNull(row.project_name),
    fileName: String(row.file_name),
    locator: String(row.locator),
    indicators: Number(row.indicators),
    fundingTotal: row.funding_total == null ? null : Number(row.funding_total),
    annualTotal: row.annual_total == null ? null : Number(row.annual_total),
  };
}

// Sorted here, not in SQL: the engines' collations order Chinese text differently; code points don't.
const text = (s: string | null) => s ?? '\uffff';
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
function bySummary(a: FilingSummary, b: FilingSummary): number {
  return (
    (a.fiscalYear ?? Infinity) - (b.fiscalYear ?? Infinity) ||
    cmp(text(a.department), text(b.department)) ||
    cmp(text(a.projectName), text(b.projectName)) ||
    a.seq - b.seq
  );
}
