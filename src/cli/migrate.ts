// `filings migrate`: brings an existing store's schema up to date after an upgrade of filings. The
// commands that only read (list, compare, export, failures) never change a schema themselves: they
// may run under a database user who can't, or against a store another version still writes to.
import { EXIT, type ExitCode } from './exit-codes.ts';
import { openStoreFor, type StoreFlags } from './store-options.ts';

export async function migrateCommand(flags: StoreFlags): Promise<ExitCode> {
  const store = await openStoreFor(flags, 'upgrade');
  await store.close();
  process.stderr.write('filings: the store is up to date\n');
  return EXIT.done;
}
