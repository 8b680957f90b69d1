// `filings compare years` and `filings compare departments`: the auditors' comparisons, printed as
// tables, written to CSV files or an xlsx workbook, or given to programs as JSON.
import { matrixViews, spreadViews } from '../report/department-views.ts';
import { projectViews } from '../report/project-views.ts';
import type { ReportView } from '../report/view.ts';
import type { Store } from '../store/store.ts';
import { EXIT, type ExitCode } from './exit-codes.ts';
import { printJson } from './json-output.ts';
import { openStoreFor, type StoreFlags } from './store-options.ts';
import { writeViews, type OutputFlags } from './views-output.ts';
import { departmentsYear, projectYears, type DepartmentsQuery, type YearsQuery } from '../views/compare.ts';

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

/** The comparison as JSON on stdout, or as tables (views-output.ts). */
async function output<T>(flags: OutputFlags, comparison: T, toViews: (c: T, terminal: boolean) => ReportView[]): Promise<ExitCode> {
  if (flags.json) printJson(comparison);
  else await writeViews(flags, (terminal) => toViews(comparison, terminal));
  return EXIT.done;
}
