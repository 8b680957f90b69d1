// The comparisons as the edges ask for them (the CLI's `compare`, the service's /api/compare): from
// a query to the comparison, reading what it needs from the store.
import { departmentMatrix, groupSpread, type DepartmentMatrix, type GroupSpread } from '../compare/departments-year.ts';
import { CompareError } from '../compare/errors.ts';
import { groupIn } from '../compare/group-match.ts';
import { compareProject, findProject, type ProjectComparison } from '../compare/project-years.ts';
import type { Store } from '../store/store.ts';

export interface YearsQuery {
  project: string;
  department?: string;
  /** The first and last fiscal year to compare: a span, not only neighbouring years. */
  from?: number;
  to?: number;
  /** Only the indicators of this group (level 1 or 2, label or code). */
  group?: string;
}

export async function projectYears(store: Store, q: YearsQuery): Promise<ProjectComparison> {
  const found = findProject(await store.listFilings(), { project: q.project, department: q.department });
  const inSpan = found.filter((s) => s.fiscalYear !== null && (q.from === undefined || s.fiscalYear >= q.from) && (q.to === undefined || s.fiscalYear <= q.to));
  if (inSpan.length === 0) throw new CompareError('no_filings', `${q.project} 在 ${q.from ?? '…'}–${q.to ?? '…'} 年度没有填报表`);
  const records = await store.records(inSpan.map((s) => s.id));
  const compared = compareProject(records);
  if (!q.group) return compared;
  const group = groupIn(
    records.map((r) => r.record),
    q.group,
  );
  return { ...compared, group: group.label, rows: compared.rows.filter(group.has) };
}

export interface DepartmentsQuery {
  year: number;
  group?: string;
  department?: string;
}

export async function departmentsYear(store: Store, q: DepartmentsQuery): Promise<{ matrix: DepartmentMatrix; spread: GroupSpread | null }> {
  const ids = (await store.listFilings({ year: q.year, department: q.department })).map((s) => s.id);
  if (ids.length === 0) throw new CompareError('no_filings', `没有${q.department ? `“${q.department}”` : ''} ${q.year} 年度的填报表`);
  const records = await store.records(ids);
  return { matrix: departmentMatrix(records, q.year), spread: q.group ? groupSpread(records, q.year, q.group) : null };
}
