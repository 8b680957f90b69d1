// `filings show ID | --project NAME --year Y`: one stored filing in full, as an auditor reads it (the
// views in report/filing-views.ts), or as JSON: the record, the names it was imported under, and
// its review findings.
import { filingViews } from '../report/filing-views.ts';
import type { FilingQuery } from '../show/find.ts';
import { filingInFull } from '../views/filing.ts';
import { EXIT, type ExitCode } from './exit-codes.ts';
import { printJson } from './json-output.ts';
import { openStoreFor, type StoreFlags } from './store-options.ts';
import { writeViews, type OutputFlags } from './views-output.ts';

export interface ShowFlags extends StoreFlags, OutputFlags, Omit<FilingQuery, 'id'> {}

export async function showCommand(id: string | undefined, flags: ShowFlags): Promise<ExitCode> {
  const store = await openStoreFor(flags, 'read');
  try {
    const shown = await filingInFull(store, { id, project: flags.project, year: flags.year, department: flags.department });
    if (flags.json) printJson(shown);
    else await writeViews(flags, () => filingViews(shown.filing, shown.fileNames, shown.findings));
    return EXIT.done;
  } finally {
    await store.close();
  }
}
