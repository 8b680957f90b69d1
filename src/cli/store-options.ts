// Where the store and the originals live: flags first, then the environment, then ./data.
export interface StoreFlags {
  db?: string;
  uploads?: string;
}

export function storeOptions(flags: StoreFlags): { db: string; databaseUrl?: string; uploadsDir: string } {
  const databaseUrl = process.env.DATABASE_URL && /^postgres(ql)?:\/\//u.test(process.env.DATABASE_URL) ? process.env.DATABASE_URL : undefined;
  return {
    db: flags.db ?? process.env.FILINGS_DB ?? './data/filings.db',
    databaseUrl: flags.db ? undefined : databaseUrl,
    uploadsDir: flags.uploads ?? process.env.FILINGS_UPLOADS ?? './data/uploads',
  };
}
