// Where the store and the originals live: flags first, then the environment, then ./data. Which
// database that means is decided once, by the store's own rule (storeTarget).
import { storeTarget } from '../store/open.ts';

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
