// `filings failures`: the files that could not be read, with their reasons, as stored.
import { openStore } from '../store/open.ts';
import { oneLine } from '../text/one-line.ts';
import { storeOptions, type StoreFlags } from './store-options.ts';

export async function failuresCommand(flags: StoreFlags): Promise<number> {
  const store = await openStore(storeOptions(flags));
  try {
    const rows = await store.failures();
    for (const f of rows) process.stdout.write(`${f.failedAt}  ${oneLine(f.path)}: ${oneLine(f.message)} [${f.code}]\n`);
    process.stderr.write(`filings: ${rows.length} failed file${rows.length === 1 ? '' : 's'}\n`);
    return 0;
  } finally {
    await store.close();
  }
}
