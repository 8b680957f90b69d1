// `filings compare years` and `filings compare departments`: the auditors' comparisons, printed as
// tables, or written to CSV files or an xlsx workbook.
import { CompareError } from '../compare/errors.ts';
import { compareProject, findProject } from '../compare/project-years.ts';
import { departmentMatrix, groupSpread } from '../compare/departments-year.ts';
import { writeCsvFiles } from '../report/csv.ts';
import { matrixViews, spreadViews } from '../report/department-views.ts';
import { projectViews } from '../report/project-views.ts';
import { renderViews } from '../report/terminal.ts';
import type { ReportView } from '../report/view.ts';
import { writeXlsxReport } from '../report/xlsx.ts';
import type { Store } from '../store/store.ts';
import { openStoreFor, type StoreFlags } from './store-options.ts';

export interface OutputFlags {
  csv?: string;
  xlsx?: string;
}

export async function compareYearsCommand(flags: StoreFlags & OutputFlags & { project: string; department?: string }): Promise<number> {
  return withStore(flags, async (store) => {
    const ids = findProject(await store.listFilings(), { project: flags.project, department: flags.department }).map((s) => s.id);
    return projectViews(compareProject(await store.records(ids)));
  });
}

export async function compareDepartmentsCommand(flags: StoreFlags & OutputFlags & { year: number; group?: string; department?: string }): Promise<number> {
  return withStore(flags, async (store) => {
    const ids = (await store.listFilings({ year: flags.year, department: flags.department })).map((s) => s.id);
    if (ids.length === 0) throw new CompareError('no_filings', `no stored filing is for ${flags.year}${flags.department ? ` and ${flags.department}` : ''}`);
    const records = await store.records(ids);
    const views = matrixViews(departmentMatrix(records, flags.year));
    if (flags.group) views.push(...spreadViews(groupSpread(records, flags.year, flags.group)));
    return views;
  });
}

async function withStore(flags: StoreFlags & OutputFlags, build: (store: Store) => Promise<ReportView[]>): Promise<number> {
  const store = await openStoreFor(flags, 'read');
  let views: ReportView[];
  try {
    views = await build(store);
  } catch (e) {
    if (e instanceof CompareError) {
      process.stderr.write(`filings: ${e.message}\n`);
      return 1;
    }
    throw e;
  } finally {
    await store.close();
  }
  if (!flags.csv && !flags.xlsx) {
    process.stdout.write(renderViews(views));
    return 0;
  }
  if (flags.csv) for (const f of writeCsvFiles(flags.csv, views)) process.stderr.write(`filings: wrote ${f}\n`);
  if (flags.xlsx) {
    await writeXlsxReport(flags.xlsx, views);
    process.stderr.write(`filings: wrote ${flags.xlsx} (${views.length + 1} sheets)\n`);
  }
  return 0;
}
