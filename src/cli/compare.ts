// `filings compare years` and `filings compare departments`: the auditors' comparisons, printed as
// tables, written to CSV files or an xlsx workbook, or given to programs as JSON.
import { writeCsvFiles } from '../report/csv.ts';
import { matrixViews, spreadViews } from '../report/department-views.ts';
import { projectViews } from '../report/project-views.ts';
import { renderViews } from '../report/terminal.ts';
import type { ReportView } from '../report/view.ts';
import { writeXlsxReport } from '../report/xlsx.ts';
import type { Store } from '../store/store.ts';
import { EXIT, type ExitCode } from './exit-codes.ts';
import { printJson } from './json-output.ts';
import { openStoreFor, type StoreFlags } from './store-options.ts';
import { departmentsYear, projectYears, type DepartmentsQuery, type YearsQuery } from '../views/compare.ts';

export interface OutputFlags {
  csv?: string;
  xlsx?: string;
  json?: boolean;
}

export type YearsFlags = StoreFlags & OutputFlags & YearsQuery;

export async function compareYearsCommand(flags: YearsFlags): Promise<ExitCode> {
  const comparison = await withStore(flags, (store) => projectYears(store, flags));
  return output(flags, comparison, (c, terminal) => projectViews(c, { compact: terminal }));
}

export async function compareDepartmentsCommand(flags: StoreFlags & OutputFlags & DepartmentsQuery): Promise<ExitCode> {
  const comparison = await withStore(flags, (store) => departmentsYear(store, flags));
  return output(flags, comparison, ({ matrix, spread }) => [...matrixViews(matrix), ...(spread ? spreadViews(spread) : [])]);
}

async function withStore<T>(flags: StoreFlags, build: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStoreFor(flags, 'read');
  try {
    return await build(store);
  } finally {
    await store.close();
  }
}

/** The comparison as JSON on stdout, or as tables: printed, or written to CSV files or a workbook. */
async function output<T>(flags: OutputFlags, comparison: T, toViews: (c: T, terminal: boolean) => ReportView[]): Promise<ExitCode> {
  if (flags.json) {
    printJson(comparison);
    return EXIT.done;
  }
  if (!flags.csv && !flags.xlsx) {
    process.stdout.write(renderViews(toViews(comparison, true)));
    return EXIT.done;
  }
  const views = toViews(comparison, false);
  if (flags.csv) for (const f of writeCsvFiles(flags.csv, views)) process.stderr.write(`filings: wrote ${f}\n`);
  if (flags.xlsx) {
    await writeXlsxReport(flags.xlsx, views);
    process.stderr.write(`filings: wrote ${flags.xlsx} (${views.length + 1} sheets)\n`);
  }
  return EXIT.done;
}
