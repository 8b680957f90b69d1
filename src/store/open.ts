// Picks the backend and opens it, with the schema brought up to date. Each backend is loaded only
// when chosen, so an embedded user never loads pg and a server never loads the native SQLite module.
import { redactUrl, StoreError } from './errors.ts';
import type { Store } from './store.ts';

export interface StoreOptions {
  /** SQLite file. */
  db?: string;
  /** postgres:// or postgresql:// URL. */
  databaseUrl?: string;
}

export type StoreTarget = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export const DEFAULT_DB = './data/filings.db';

/**
 * What was asked for wins over the environment: an explicit URL, then an explicit file, then
 * DATABASE_URL, then FILINGS_DB, then the default file.
 */
export function storeTarget(opts: StoreOptions, env: NodeJS.ProcessEnv = process.env): StoreTarget {
  const url = opts.databaseUrl || (opts.db ? undefined : env.DATABASE_URL);
  if (url) {
    if (/^postgres(ql)?:\/\//i.test(url)) return { kind: 'postgres', url };
    // A typo here would otherwise quietly import into a local file nobody looks at.
    throw new StoreError(`unsupported database URL (expected postgres:// or postgresql://): ${redactUrl(url)}`);
  }
  return { kind: 'sqlite', file: opts.db || env.FILINGS_DB || DEFAULT_DB };
}

export async function openStore(opts: StoreOptions = {}): Promise<Store> {
  const target = storeTarget(opts);
  if (target.kind === 'postgres') {
    const { openPostgres } = await import('./postgres.ts');
    return openPostgres(target.url);
  }
  const { openSqlite } = await import('./sqlite.ts');
  return openSqlite(target.file);
}
