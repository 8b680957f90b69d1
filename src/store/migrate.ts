// Runs the pending migrations with umzug over whichever connection the backend hands in. umzug keeps
// the bookkeeping (which ran, in which order); the caller holds the lock and the transaction around
// it, because umzug itself does not guard against two processes migrating at once.
import { NoStoreError, StoreOutdatedError } from './errors.ts';
import { MIGRATIONS, type Migration } from './migrations/index.ts';

/** The migrations table, the same in both dialects; created before umzug looks at it. */
export const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  name TEXT PRIMARY KEY,
  applied_at TEXT NOT NULL
)`;

export interface MigrationConnection {
  dialect: keyof Omit<Migration, 'name'>;
  /** Runs a script of one or more statements. */
  exec(sql: string): Promise<void>;
  /** Runs one statement with `?` placeholders and returns its rows. */
  query(sql: string, params?: (string | number)[]): Promise<Record<string, unknown>[]>;
}

/** Applies what is pending, in order; returns the names it ran (none when up to date). */
export async function runMigrations(db: MigrationConnection): Promise<string[]> {
  await db.exec(MIGRATIONS_TABLE);
  // Nearly every open finds nothing to do: umzug is loaded only when there is.
  if ((await pendingMigrations(db)).length === 0) return [];
  const { Umzug } = await import('umzug');
  const umzug = new Umzug({
    migrations: MIGRATIONS.map((m) => ({ name: m.name, up: () => db.exec(m[db.dialect]) })),
    logger: undefined,
    storage: {
      executed: async () => (await db.query('SELECT name FROM schema_migrations ORDER BY name')).map((r) => String(r.name)),
      logMigration: async ({ name }) => {
        await db.query('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)', [name, new Date().toISOString()]);
      },
      unlogMigration: async ({ name }) => {
        await db.query('DELETE FROM schema_migrations WHERE name = ?', [name]);
      },
    },
  });
  return (await umzug.up()).map((m) => m.name);
}

// Whether a store is there at all: every store this program made has the migrations table.
const HAS_MIGRATIONS_TABLE: Record<MigrationConnection['dialect'], string> = {
  sqlite: `SELECT count(*) > 0 AS present FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`,
  postgres: `SELECT to_regclass('schema_migrations') IS NOT NULL AS present`,
};

/** Throws a NoStoreError naming `where` unless the connection holds a store (our migrations table). */
export async function requireStore(db: MigrationConnection, where: string): Promise<void> {
  const [row] = await db.query(HAS_MIGRATIONS_TABLE[db.dialect]);
  if (!row || !Number(row.present)) throw new NoStoreError(where);
}

/** Throws a StoreOutdatedError when migrations are pending: a reading command never runs them itself. */
export async function requireCurrent(db: MigrationConnection, where: string): Promise<void> {
  const pending = await pendingMigrations(db);
  if (pending.length) throw new StoreOutdatedError(where, pending);
}

async function pendingMigrations(db: MigrationConnection): Promise<string[]> {
  const applied = new Set((await db.query('SELECT name FROM schema_migrations')).map((r) => String(r.name)));
  return MIGRATIONS.filter((m) => !applied.has(m.name)).map((m) => m.name);
}
