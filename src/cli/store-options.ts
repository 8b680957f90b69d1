// Where the store and the originals live: flags first, then the environment, then ./data. Which
// database that means is decided once, by the store's own rule (storeTarget).
import { openStore, storeTarget, type OpenMode } from '../store/open.ts';
import type { Store } from '../store/store.ts';

export interface StoreFlags {
  db?: string;
  uploads?: string;
}

export function storeOptions(flags: StoreFlags): { db?: string; databaseUrl?: string; uploadsDir: string } {
  const target = storeTarget({ db: flags.db });
  return {
    ...(target.kind === 'postgres' ? { databaseUrl: target.url } : { db: target.file }),
    uploadsDir: flags.uploads ?? process.env.FILINGS_UPLOADS ?? './data/uploads',
  };
}

/** The store the flags name, opened as the command may (OpenMode: only import and worker create one). */
export function openStoreFor(flags: StoreFlags, mode: OpenMode): Promise<Store> {
  return openStore(storeOptions(flags), mode);
}
