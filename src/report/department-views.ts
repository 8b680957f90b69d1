// Across departments, one year, as report views: the matrix of indicator counts by level-2 group,
// the groups left empty, and for a chosen group the targets side by side with their spread.
import type { DepartmentMatrix, GroupSpread, MatrixCell } from '../compare/departments-year.ts';
import { col, number, text, type ReportCell, type ReportView } from './view.ts';

function matrixCell(c: MatrixCell, filings: number): ReportCell {
  if (c.count === 0 && c.empty > 0) return text(c.empty === filings ? 'empty' : `0 (${c.empty} empty)`, 'empty');
  if (c.count === 0) return text('-', 'absent');
  if (c.empty > 0) return text(`${c.count} (${c.empty} empty)`, 'empty');
  return number(c.count);
}

export function matrixViews(m: DepartmentMatrix): ReportView[] {
  const matrix: ReportView = {
    name: 'groups',
    title: `Indicators by level-2 group, ${m.year}: ${m.rows.length} departments`,
    columns: [col('department'), col('code'), col('filings', 'number'), ...m.columns.map((c) => col(c.label))],
    rows: m.rows.map((r) => [text(r.department), text(r.departmentCode), number(r.projects.length), ...r.cells.map((c) => matrixCell(c, r.projects.length))]),
    notes: ['a number: indicators in the group; empty: listed on the form with no indicator; -: not on the form', ...m.notes],
  };
  const empty: ReportView = {
    name: 'empty groups',
    title: `Groups listed with no indicator, ${m.year}: ${m.emptyGroups.length}`,
    columns: [col('department'), col('project'), col('group')],
    rows: m.emptyGroups.map((e) => [text(e.department), text(e.project), text(e.group, 'empty')]),
    notes: [],
  };
  return [matrix, empty];
}

const DIRECTION = { floor: 'floor (≥)', ceiling: 'ceiling (≤)', exact: 'exact (=)' } as const;

export function spreadViews(s: GroupSpread): ReportView[] {
  const main = s.summaries[0];
  const targets: ReportView = {
    name: 'targets',
    title:
      `${s.group}, ${s.year}: targets by department` +
      (main ? ` — ${main.count} numeric in ${main.unit ?? 'no unit'}, ${main.min} to ${main.max} (spread ${main.spread}, median ${main.median})` : ''),
    columns: [col('department'), col('project'), col('indicator'), col('target'), col('value', 'number'), col('unit'), col('vs median', 'number')],
    rows: s.rows.map((r) => [
      text(r.department),
      text(r.project),
      r.target === null && r.indicator === '' ? text('(none in this group)', 'empty') : text(r.indicator),
      text(r.target),
      number(r.value),
      text(r.unit),
      number(r.vsMedian, r.vsMedian !== null && r.vsMedian < 0 ? 'below' : undefined),
    ]),
    notes: ['vs median: the value minus the median of the targets with the same unit and comparator', ...s.notes],
  };
  const spread: ReportView = {
    name: 'spread',
    title: `${s.group}, ${s.year}: spread of the numeric targets`,
    columns: [col('unit'), col('comparator'), col('targets', 'number'), col('min', 'number'), col('median', 'number'), col('max', 'number'), col('spread', 'number')],
    rows: s.summaries.map((x) => [text(x.unit), text(DIRECTION[x.direction]), number(x.count), number(x.min), number(x.median), number(x.max), number(x.spread)]),
    notes: [],
  };
  return [targets, spread];
}
