// The environment that points the real CLI at a test database of either backend (tests/store/backends.ts).
import type { TestDb } from '../store/backends.ts';

export function storeEnv(db: TestDb, uploads: string): NodeJS.ProcessEnv {
  // DATABASE_URL is blanked for SQLite: one set outside the tests would otherwise win over FILINGS_DB.
  return db.opts.databaseUrl
    ? { DATABASE_URL: db.opts.databaseUrl, FILINGS_UPLOADS: uploads }
    : { DATABASE_URL: '', FILINGS_DB: db.opts.db, FILINGS_UPLOADS: uploads };
}
