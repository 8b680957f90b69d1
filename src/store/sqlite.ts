// The embedded store: one SQLite file through better-sqlite3. Several processes and threads may open
// the same file; SQLite serialises their writes, and we wait for the lock rather than fail.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { NoStoreError, StoreError } from './errors.ts';
import { requireCurrent, requireStore, runMigrations, type MigrationConnection } from './migrate.ts';
import type { OpenMode } from './open.ts';
import type { Row, SqlValue } from './rows.ts';
import { SQLITE } from './sql.ts';
import { SqlStore, type Steps } from './sql-store.ts';

/** How long a writer waits for another process's write to finish before giving up (then the job retries). */
const BUSY_TIMEOUT_MS = Number(process.env.FILINGS_SQLITE_BUSY_MS) || 10_000;

export async function openSqlite(file: string, mode: OpenMode = 'create'): Promise<SqliteStore> {
  const memory = file === ':memory:';
  const where = memory ? file : path.resolve(file);
  let db: Database.Database;
  try {
    if (mode === 'create' && !memory) fs.mkdirSync(path.dirname(where), { recursive: true });
    // fileMustExist: otherwise opening would leave an empty database, and its folders, behind.
    db = new Database(file, { timeout: BUSY_TIMEOUT_MS, fileMustExist: mode !== 'create' });
  } catch (e) {
    if (mode !== 'create' && !fs.existsSync(file)) throw new NoStoreError(where);
    throw new StoreError(`sqlite store: opening ${file}`, e);
  }
  try {
    const conn = connection(db);
    // Before the pragmas: switching to WAL would write a database header into an empty file.
    if (mode !== 'create') await requireStore(conn, where);
    db.pragma('journal_mode = WAL');
    // With WAL, NORMAL loses at most the last commits on power loss, never consistency; FULL would
    // fsync every import transaction.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    if (mode === 'read') await requireCurrent(conn, where);
    else await migrate(db, memory ? null : where);
  } catch (e) {
    db.close();
    throw e instanceof StoreError ? e : new StoreError(`sqlite store: opening ${file}`, e);
  }
  return new SqliteStore(db);
}

function connection(db: Database.Database): MigrationConnection {
  return {
    dialect: 'sqlite',
    exec: async (sql) => void db.exec(sql),
    query: async (sql, params = []) => run(db, sql, params),
  };
}

// Migrations span awaits (umzug is async), so a second connection of this same thread would block
// the thread in SQLite's busy wait while the first can't finish. Other threads and processes are
// kept out by BEGIN IMMEDIATE; this queue keeps this thread's own connections in turn.
const migrating = new Map<string, Promise<unknown>>();

async function migrate(db: Database.Database, key: string | null): Promise<void> {
  if (key === null) return migrateLocked(db);
  const before = migrating.get(key) ?? Promise.resolve();
  const mine = before.then(() => migrateLocked(db));
  const settled = mine.catch(() => undefined);
  migrating.set(key, settled);
  try {
    await mine;
  } finally {
    if (migrating.get(key) === settled) migrating.delete(key);
  }
}

async function migrateLocked(db: Database.Database): Promise<void> {
  db.exec('BEGIN IMMEDIATE');
  try {
    await runMigrations(connection(db));
    db.exec('COMMIT');
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw e;
  }
}

function run(db: Database.Database, sql: string, params: SqlValue[]): Row[] {
  const stmt = db.prepare(sql);
  if (stmt.reader) return stmt.all(...params) as Row[];
  stmt.run(...params);
  return [];
}

export class SqliteStore extends SqlStore {
  readonly kind = 'sqlite' as const;
  protected readonly dialect = SQLITE;
  private readonly statements = new Map<string, Database.Statement>();

  private readonly db: Database.Database;

  constructor(db: Database.Database) {
    super();
    this.db = db;
  }

  protected async query(sql: string, params: SqlValue[] = []): Promise<Row[]> {
    return this.exec(sql, params);
  }

  protected async transact<T>(steps: Steps<T>): Promise<T> {
    // IMMEDIATE takes the write lock before the first read, so what we read can't change under us
    // and the upgrade from reader to writer can't fail half-way.
    const drive = this.db.transaction(() => {
      let next = steps.next();
      while (!next.done) next = steps.next(this.exec(next.value.sql, next.value.params));
      return next.value;
    });
    return drive.immediate();
  }

  protected async snapshot<T>(steps: Steps<T>): Promise<T> {
    // DEFERRED takes no write lock; in WAL mode its first read fixes what the later reads see.
    const drive = this.db.transaction(() => {
      let next = steps.next();
      while (!next.done) next = steps.next(this.exec(next.value.sql, next.value.params));
      return next.value;
    });
    return drive.deferred();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private exec(sql: string, params: SqlValue[]): Row[] {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    if (stmt.reader) return stmt.all(...params) as Row[];
    stmt.run(...params);
    return [];
  }
}
