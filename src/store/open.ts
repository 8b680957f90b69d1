// Picks the backend and opens it, creating or upgrading the schema only where the mode allows. Each
// backend is loaded only when chosen, so an embedded user never loads pg and a server never loads the
// native SQLite module.
import { redactUrl, StoreError } from './errors.ts';
import type { Store } from './store.ts';

export interface StoreOptions {
  /** SQLite file. */
  db?: string;
  /** postgres:// or postgresql:// URL. */
  databaseUrl?: string;
}

/**
 * What opening may do to the store. Only the commands that bring files in may make a store: a command
 * that reads, pointed at the wrong place, must say so rather than invent an empty store and succeed.
 * - `create` (import, worker): a new store where there is none; the schema brought up to date.
 * - `upgrade` (reparse, migrate): an existing store only; its schema brought up to date.
 * - `read` (list, compare, export, failures): an existing store only, its schema current; no DDL.
 */
export type OpenMode = 'create' | 'upgrade' | 'read';

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

/** Opens the store; a missing one is a NoStoreError, an outdated one in `read` mode a StoreOutdatedError. */
export async function openStore(opts: StoreOptions = {}, mode: OpenMode = 'create'): Promise<Store> {
  const target = storeTarget(opts);
  if (target.kind === 'postgres') {
    const { openPostgres } = await import('./postgres.ts');
    return openPostgres(target.url, mode);
  }
  const { openSqlite } = await import('./sqlite.ts');
  return openSqlite(target.file, mode);
}
