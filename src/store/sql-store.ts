// The Store interface over any SQL backend: a backend supplies how to run one statement, how to run
// the save steps in one transaction, and how to close; everything the methods mean is here, once.
import type { FilingRecord } from '../schema.ts';
import { StoreError } from './errors.ts';
import { toCount, toFailure, toUpload, type Row, type SqlValue } from './rows.ts';
import { checkRecords, saveSteps, type SaveSteps } from './save.ts';
import { SQL, type Dialect } from './sql.ts';
import type { FailureRow, SaveResult, Store, StoreCounts, UploadInfo } from './store.ts';

export abstract class SqlStore implements Store {
  abstract readonly kind: 'sqlite' | 'postgres';
  protected abstract readonly dialect: Dialect;
  /** Runs one statement (`?` placeholders) outside any explicit transaction; rows, or [] for none. */
  protected abstract query(sql: string, params?: SqlValue[]): Promise<Row[]>;
  /** Drives the steps inside one write transaction, committing their result or rolling back on throw. */
  protected abstract transact(steps: SaveSteps): Promise<SaveResult>;
  abstract close(): Promise<void>;

  async recordUpload(u: UploadInfo): Promise<void> {
    const now = new Date().toISOString();
    await this.run(`recording upload ${u.fileName}`, () => this.query(SQL.upsertUpload, [u.sha256, u.fileName, u.path, u.size, now, now]));
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

  /** Every database error leaves as a StoreError naming what the store was doing. */
  private async run<T>(doing: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      throw e instanceof StoreError ? e : new StoreError(`${this.kind} store: ${doing}`, e);
    }
  }
}
