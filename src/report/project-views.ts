// Across years, one project, as report views: the indicators by year with each year-to-year change
// in a column of its own, and what was compared (which filing stood for each year).
import type { IndicatorRow, ProjectComparison, Transition } from '../compare/project-years.ts';
import { col, text, type Mark, type ReportCell, type ReportView } from './view.ts';

export function transitionText(t: Transition): string {
  let s: string = t.kind;
  if ((t.kind === 'raised' || t.kind === 'lowered') && t.stricter !== null) s += t.stricter ? ' (stricter)' : ' (looser)';
  return t.renamed ? `renamed, ${s}` : s;
}

const transitionMark = (t: Transition): Mark | undefined =>
  t.kind !== 'unchanged' ? (t.kind as Mark) : t.renamed ? 'similar' : undefined;

function matchText(row: IndicatorRow): string {
  const renames = row.transitions.filter((t) => t.renamed);
  if (renames.length === 0) return row.years.filter(Boolean).length > 1 ? 'by name' : 'one year only';
  return renames.map((t) => `${t.to}: similar name ${t.renamed!.from} → ${t.renamed!.to} (${t.renamed!.score.toFixed(2)})`).join('; ');
}

export function projectViews(c: ProjectComparison): ReportView[] {
  const pairs = c.years.slice(1).map((y, i) => [c.years[i], y] as const);
  const dept = c.department + (c.departmentCode ? ` [${c.departmentCode}]` : '');
  const rows = c.rows.map((row) => {
    const cells: ReportCell[] = [
      text(row.horizon === 'overall' ? `${row.name} (overall)` : row.name),
      text(row.level2),
    ];
    row.years.forEach((y, i) => {
      const into = row.transitions.find((t) => t.to === c.years[i]);
      const removed = into?.kind === 'removed';
      const mark = into ? transitionMark(into) : undefined;
      cells.push(y ? text(y.target?.raw ?? '(blank)', mark) : text(removed ? '(removed)' : '', removed ? 'removed' : undefined));
    });
    for (const [from, to] of pairs) {
      const t = row.transitions.find((x) => x.from === from && x.to === to);
      cells.push(t ? text(transitionText(t), transitionMark(t)) : text(null));
    }
    cells.push(text(matchText(row), row.transitions.some((t) => t.renamed) ? 'similar' : undefined));
    return cells;
  });
  const changed = c.rows.filter((r) => r.transitions.some((t) => t.kind !== 'unchanged' || t.renamed)).length;
  const table: ReportView = {
    name: 'by year',
    title: `${c.project} — ${dept}, ${c.years.join(', ')}: ${c.rows.length} indicators, ${changed} with changes`,
    columns: [col('indicator'), col('group'), ...c.years.map((y) => col(String(y))), ...pairs.map(([a, b]) => col(`${a}→${b}`)), col('matched')],
    rows,
    notes: [
      'raised/lowered: which way the number moved; (stricter) when that asks more: a higher floor (≥) or a lower ceiling (≤).',
      ...c.notes,
    ],
  };
  const filings: ReportView = {
    name: 'filings',
    title: `The filings compared for ${c.project}`,
    columns: [col('year'), col('file'), col('where in the file'), col('id')],
    rows: c.filings.map((f) => [text(String(f.year)), text(f.file), text(f.locator), text(f.id)]),
    notes: [],
  };
  return [table, filings];
}
