// `filings compare years` and `filings compare departments`: the auditors' comparisons, printed as
// tables, written to CSV files or an xlsx workbook, or given to programs as JSON.
import { CompareError } from '../compare/errors.ts';
import { groupIn } from '../compare/group-match.ts';
import { compareProject, findProject } from '../compare/project-years.ts';
import { departmentMatrix, groupSpread } from '../compare/departments-year.ts';
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

export interface OutputFlags {
  csv?: string;
  xlsx?: string;
  json?: boolean;
}

// A comparison that can't be made (a CompareError) ends the command at the CLI's edge: one line, exit 1.
export interface YearsFlags extends StoreFlags, OutputFlags {
  project: string;
  department?: string;
  /** The first and last fiscal year to compare: a span, not only neighbouring years. */
  from?: number;
  to?: number;
  /** Only the indicators of this group (level 1 or 2, label or code). */
  group?: string;
}

export async function compareYearsCommand(flags: YearsFlags): Promise<ExitCode> {
  const comparison = await withStore(flags, async (store) => {
    const found = findProject(await store.listFilings(), { project: flags.project, department: flags.department });
    const inSpan = found.filter((s) => s.fiscalYear !== null && (flags.from === undefined || s.fiscalYear >= flags.from) && (flags.to === undefined || s.fiscalYear <= flags.to));
    if (inSpan.length === 0) throw new CompareError('no_filings', `${flags.project} 在 ${flags.from ?? '…'}–${flags.to ?? '…'} 年度没有填报表`);
    const records = await store.records(inSpan.map((s) => s.id));
    const compared = compareProject(records);
    if (!flags.group) return compared;
    const group = groupIn(
      records.map((r) => r.record),
      flags.group,
    );
    return { ...compared, group: group.label, rows: compared.rows.filter(group.has) };
  });
  return output(flags, comparison, (c, terminal) => projectViews(c, { compact: terminal }));
}

export async function compareDepartmentsCommand(flags: StoreFlags & OutputFlags & { year: number; group?: string; department?: string }): Promise<ExitCode> {
  const comparison = await withStore(flags, async (store) => {
    const ids = (await store.listFilings({ year: flags.year, department: flags.department })).map((s) => s.id);
    if (ids.length === 0) throw new CompareError('no_filings', `没有${flags.department ? `“${flags.department}”` : ''} ${flags.year} 年度的填报表`);
    const records = await store.records(ids);
    return { matrix: departmentMatrix(records, flags.year), spread: flags.group ? groupSpread(records, flags.year, flags.group) : null };
  });
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
