// `filings failures`: the files that could not be read, with their reasons, as stored.
import { oneLine } from '../text/one-line.ts';
import { EXIT, type ExitCode } from './exit-codes.ts';
import { printJson } from './json-output.ts';
import { openStoreFor, type StoreFlags } from './store-options.ts';

export async function failuresCommand(flags: StoreFlags & { json?: boolean }): Promise<ExitCode> {
  const store = await openStoreFor(flags, 'read');
  try {
    const rows = await store.failures();
    if (flags.json) printJson({ failures: rows });
    else for (const f of rows) process.stdout.write(`${f.failedAt}  ${oneLine(f.path)}: ${oneLine(f.message)} [${f.code}]\n`);
    process.stderr.write(`filings: ${rows.length} failed file${rows.length === 1 ? '' : 's'}\n`);
    return EXIT.done;
  } finally {
    await store.close();
  }
}
