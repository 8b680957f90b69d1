// The shared store: PostgreSQL through a pg Pool, for several importers and readers at once.
import pg from 'pg';
import { NoStoreError, redactUrl, StoreError } from './errors.ts';
import { requireCurrent, requireStore, runMigrations, type MigrationConnection } from './migrate.ts';
import type { OpenMode } from './open.ts';
import type { Row, SqlValue } from './rows.ts';
import { POSTGRES, toPg } from './sql.ts';
import { SqlStore, type Steps } from './sql-store.ts';

// Advisory lock keys (any two distinct bigints; these spell "filings" and "filings+1" in hex).
const MIGRATION_LOCK = 0x66696c696e6773n;
const WRITE_LOCK = 0x66696c696e6774n;

export async function openPostgres(url: string, mode: OpenMode = 'create'): Promise<PostgresStore> {
  const where = redactUrl(url);
  const pool = new pg.Pool({ connectionString: url, application_name: 'filings' });
  // An idle connection dropped by the server must not crash the process; the next query that
  // needs a connection reports the problem as a StoreError.
  pool.on('error', () => {});
  try {
    await prepare(pool, mode, where);
  } catch (e) {
    await pool.end().catch(() => {});
    if (e instanceof StoreError) throw e;
    // 3D000: no such database. Only import may be pointed at an empty one; a reader was given the wrong URL.
    if (mode !== 'create' && (e as { code?: string }).code === '3D000') throw new NoStoreError(where);
    throw new StoreError(`postgres store: opening ${where}`, e);
  }
  return new PostgresStore(pool);
}

async function prepare(pool: pg.Pool, mode: OpenMode, where: string): Promise<void> {
  const client: Client = await pool.connect();
  const conn: MigrationConnection = {
    dialect: 'postgres',
    exec: async (sql) => void (await client.query(sql)),
    query: async (sql, params = []) => (await client.query(toPg(sql), params)).rows,
  };
  try {
    if (mode !== 'create') await requireStore(conn, where);
    if (mode === 'read') return await requireCurrent(conn, where);
    await client.query('BEGIN');
    // A transaction-level lock: released by COMMIT or ROLLBACK, and by the server if we die.
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK.toString()]);
    await runMigrations(conn);
    await client.query('COMMIT');
  } catch (e) {
    // Outside a transaction (the checks before BEGIN) ROLLBACK only warns.
    throw await rollback(client, e);
  } finally {
    client.release(client.broken);
  }
}

type Client = pg.PoolClient & { broken?: boolean };

/** Rolls back after `e`; a connection that can't even roll back is marked to be dropped, not reused. */
async function rollback(client: Client, e: unknown): Promise<unknown> {
  await client.query('ROLLBACK').catch(() => {
    client.broken = true;
  });
  return e;
}

export class PostgresStore extends SqlStore {
  readonly kind = 'postgres' as const;
  protected readonly dialect = POSTGRES;

  private readonly pool: pg.Pool;

  constructor(pool: pg.Pool) {
    super();
    this.pool = pool;
  }

  protected async query(sql: string, params: SqlValue[] = []): Promise<Row[]> {
    return (await this.pool.query(toPg(sql), params)).rows;
  }

  protected transact<T>(steps: Steps<T>): Promise<T> {
    // Writers take turns. Without the lock a sequence hands out 7 and 8, 8 commits first, and an
    // export that already read up to 8 never sees 7: seq must follow commit order, not only grow.
    return this.inTransaction('BEGIN', steps, true);
  }

  protected snapshot<T>(steps: Steps<T>): Promise<T> {
    // REPEATABLE READ: every statement sees the snapshot the first one took; no lock on writers.
    return this.inTransaction('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', steps, false);
  }

  /** Runs the statements a generator yields, each fed the rows of the one before, in one transaction. */
  private async inTransaction<T>(begin: string, steps: Steps<T>, writeLock: boolean): Promise<T> {
    const client: Client = await this.pool.connect();
    try {
      await client.query(begin);
      if (writeLock) await client.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK.toString()]);
      let next = steps.next();
      while (!next.done) next = steps.next((await client.query(toPg(next.value.sql), next.value.params)).rows);
      await client.query('COMMIT');
      return next.value as T;
    } catch (e) {
      throw await rollback(client, e);
    } finally {
      client.release(client.broken);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
