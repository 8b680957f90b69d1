// `filings show ID | --project NAME --year Y`: one stored filing in full, as an auditor reads it (the
// views in report/filing-views.ts), or as JSON: the record, the names it was imported under, and
// its review findings.
import { writeCsvFiles } from '../report/csv.ts';
import { filingViews } from '../report/filing-views.ts';
import { renderViews } from '../report/terminal.ts';
import { writeXlsxReport } from '../report/xlsx.ts';
import type { FilingQuery } from '../show/find.ts';
import { filingInFull } from '../views/filing.ts';
import { EXIT, type ExitCode } from './exit-codes.ts';
import { printJson } from './json-output.ts';
import { openStoreFor, type StoreFlags } from './store-options.ts';

export interface ShowFlags extends StoreFlags, Omit<FilingQuery, 'id'> {
  json?: boolean;
  csv?: string;
  xlsx?: string;
}

export async function showCommand(id: string | undefined, flags: ShowFlags): Promise<ExitCode> {
  const store = await openStoreFor(flags, 'read');
  try {
    const shown = await filingInFull(store, { id, project: flags.project, year: flags.year, department: flags.department });
    if (flags.json) {
      printJson(shown);
      return EXIT.done;
    }
    const views = filingViews(shown.filing, shown.fileNames, shown.findings);
    if (flags.csv) for (const f of writeCsvFiles(flags.csv, views)) process.stderr.write(`filings: wrote ${f}\n`);
    if (flags.xlsx) {
      await writeXlsxReport(flags.xlsx, views);
      process.stderr.write(`filings: wrote ${flags.xlsx} (${views.length + 1} sheets)\n`);
    }
    if (!flags.csv && !flags.xlsx) process.stdout.write(renderViews(views));
    return EXIT.done;
  } finally {
    await store.close();
  }
}
