// `filings failures`: the files that could not be read, with their reasons, as stored.
import { openStoreFor, type StoreFlags } from './store-options.ts';

export async function failuresCommand(flags: StoreFlags): Promise<number> {
  const store = await openStoreFor(flags, 'read');
  try {
    const rows = await store.failures();
    for (const f of rows) process.stdout.write(`${f.failedAt}  ${f.path}: ${f.message} [${f.code}]\n`);
    process.stderr.write(`filings: ${rows.length} failed file${rows.length === 1 ? '' : 's'}\n`);
    return 0;
  } finally {
    await store.close();
  }
}
