// Across years, one project, as report views: the indicators by year with each year-to-year change
// in a column of its own, and what was compared (which filing stood for each year).
import type { IndicatorRow, ProjectComparison, Transition } from '../compare/project-years.ts';
import { col, text, type Mark, type ReportCell, type ReportView } from './view.ts';

const KIND: Record<Transition['kind'], string> = { added: '新增', removed: '删除', raised: '调高', lowered: '调低', unchanged: '未变', changed: '改动' };

export function transitionText(t: Transition): string {
  let s = KIND[t.kind];
  if ((t.kind === 'raised' || t.kind === 'lowered') && t.stricter !== null) s += t.stricter ? '（要求提高）' : '（要求降低）';
  return t.renamed ? `改名，${s}` : s;
}

const transitionMark = (t: Transition): Mark | undefined =>
  t.kind !== 'unchanged' ? (t.kind as Mark) : t.renamed ? 'similar' : undefined;

function matchText(row: IndicatorRow): string {
  const renames = row.transitions.filter((t) => t.renamed);
  if (renames.length === 0) return row.years.filter(Boolean).length > 1 ? '同名' : '仅一年';
  return renames.map((t) => `${t.to}：名称相近 ${t.renamed!.from} → ${t.renamed!.to}（${t.renamed!.score.toFixed(2)}）`).join('；');
}

/**
 * compact: for a terminal, where four years or more side by side with a column per pair would not
 * fit: the pair columns are left out (each year's cell carries its change mark, ↑ ↓ + × ≠ ≈) and
 * the first-to-last column stays. Files always get every column.
 */
export function projectViews(c: ProjectComparison, opts: { compact?: boolean } = {}): ReportView[] {
  const compact = opts.compact === true && c.years.length > 3;
  const pairs = compact ? [] : c.years.slice(1).map((y, i) => [c.years[i], y] as const);
  // With more than two years, a column from the first straight to the last: 2021→2023 at a glance.
  const span = c.years.length > 2 ? ([c.years[0], c.years[c.years.length - 1]] as const) : null;
  const dept = c.department + (c.departmentCode ? ` [${c.departmentCode}]` : '');
  const rows = c.rows.map((row) => {
    const cells: ReportCell[] = [text(row.horizon === 'overall' ? `${row.name}（总体）` : row.name), text(row.level2)];
    row.years.forEach((y, i) => {
      const into = row.transitions.find((t) => t.to === c.years[i]);
      const removed = into?.kind === 'removed';
      const mark = into ? transitionMark(into) : undefined;
      cells.push(y ? text(y.target?.raw ?? '（空）', mark) : text(removed ? '（已删除）' : '', removed ? 'removed' : undefined));
    });
    for (const [from, to] of pairs) {
      const t = row.transitions.find((x) => x.from === from && x.to === to);
      cells.push(t ? text(transitionText(t), transitionMark(t)) : text(null));
    }
    if (span) cells.push(row.span ? text(transitionText(row.span), transitionMark(row.span)) : text(null));
    cells.push(text(matchText(row), row.transitions.some((t) => t.renamed) ? 'similar' : undefined));
    return cells;
  });
  const changed = c.rows.filter((r) => r.transitions.some((t) => t.kind !== 'unchanged' || t.renamed)).length;
  // Five years side by side is wider than a terminal: each year's target and change wrap narrower.
  const narrow = c.years.length > 3;
  const table: ReportView = {
    name: '逐年',
    file: 'by-year',
    title: `${c.project}（${dept}），${c.years.join('、')}年度${c.group ? `，${c.group}` : ''}：${c.rows.length} 项指标，${changed} 项有变化`,
    columns: [
      col('指标', 'text', narrow ? 16 : 24),
      col('指标组', 'text', 12),
      ...c.years.map((y) => col(String(y), 'text', narrow ? 10 : 18)),
      ...pairs.map(([a, b]) => col(`${a}→${b}`, 'text', narrow ? 10 : 20)),
      ...(span ? [col(`${span[0]}→${span[1]}（首尾）`, 'text', 20)] : []),
      col('对应方式', 'text', 30),
    ],
    rows,
    notes: [
      '调高/调低：数字变动的方向；（要求提高）表示要求更严：下限（≥）提高或上限（≤）降低。',
      ...(compact ? ['各年份的逐年变化以符号标在指标值后：↑调高 ↓调低 +新增 ×删除 ≠改动 ≈名称相近；每两年一列的完整表见 --xlsx 或 --csv。'] : []),
      ...c.notes,
    ],
  };
  const filings: ReportView = {
    name: '填报表',
    file: 'filings',
    title: `${c.project} 所比较的填报表`,
    columns: [col('年度'), col('文件', 'text', 30), col('位置'), col('编号')],
    rows: c.filings.map((f) => [text(String(f.year)), text(f.file), text(f.locator), text(f.id)]),
    notes: [],
  };
  return [table, filings];
}
