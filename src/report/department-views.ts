// Across departments, one year, as report views: the matrix of indicator counts by level-2 group,
// the groups left empty, and for a chosen group the targets side by side with their spread.
import type { DepartmentMatrix, GroupSpread, MatrixCell, SpreadSummary } from '../compare/departments-year.ts';
import { col, number, text, type ReportCell, type ReportView } from './view.ts';

function matrixCell(c: MatrixCell, filings: number): ReportCell {
  if (c.count === 0 && c.empty > 0) return text(c.empty === filings ? '空' : `0（${c.empty}份空）`, 'empty');
  if (c.count === 0) return text('-', 'absent');
  if (c.empty > 0) return text(`${c.count}（${c.empty}份空）`, 'empty');
  return number(c.count);
}

export function matrixViews(m: DepartmentMatrix): ReportView[] {
  const matrix: ReportView = {
    name: '指标组',
    file: 'groups',
    title: `${m.year}年度各部门二级指标组的指标数：${m.rows.length} 个部门`,
    columns: [col('部门'), col('部门编码'), col('填报表', 'number'), ...m.columns.map((c) => col(c.label, 'text', 8))],
    rows: m.rows.map((r) => [text(r.department), text(r.departmentCode), number(r.projects.length), ...r.cells.map((c) => matrixCell(c, r.projects.length))]),
    notes: ['数字：该组的指标数；空：表上列出但未填指标；-：表上没有此组', ...m.notes],
  };
  const empty: ReportView = {
    name: '空指标组',
    file: 'empty-groups',
    title: `${m.year}年度列出但未填指标的指标组：${m.emptyGroups.length} 个`,
    columns: [col('部门'), col('项目', 'text', 30), col('指标组')],
    rows: m.emptyGroups.map((e) => [text(e.department), text(e.project), text(e.group, 'empty')]),
    notes: [],
  };
  return [matrix, empty];
}

const DIRECTION: Record<SpreadSummary['direction'], string> = { floor: '下限（≥）', ceiling: '上限（≤）', exact: '等于（=）' };
const SCOPE: Record<SpreadSummary['scope'], string> = { total: '整体', unit: '单位量（每人、每所…）' };

export function spreadViews(s: GroupSpread): ReportView[] {
  const main = s.summaries[0];
  const targets: ReportView = {
    name: '指标值',
    file: 'targets',
    title:
      `${s.group}，${s.year}年度各部门指标值` +
      (main ? `：${main.unit ?? '无单位'}${main.scope === 'unit' ? '（单位量）' : ''}共 ${main.count} 个，${main.min} 至 ${main.max}（极差 ${main.spread}，中位数 ${main.median}）` : ''),
    columns: [col('部门'), col('项目', 'text', 24), col('指标'), col('指标值', 'text', 14), col('数值', 'number'), col('单位'), col('口径'), col('与中位数之差', 'number')],
    rows: s.rows.map((r) => [
      text(r.department),
      text(r.project),
      r.target === null && r.indicator === '' ? text('（该组无指标）', 'empty') : text(r.indicator),
      text(r.target),
      number(r.value),
      text(r.unit),
      text(r.scope ? SCOPE[r.scope] : null),
      number(r.vsMedian, r.vsMedian !== null && r.vsMedian < 0 ? 'below' : undefined),
    ]),
    notes: [
      '数值与单位已统一：元、万、千元、亿元均折算为万元。',
      '与中位数之差：数值减去同单位、同比较方向、同口径（整体或单位量）指标值的中位数；单位量（每人、每所、每公里、单价、人均……）从不与整体量放在一起比较。',
      ...s.notes,
    ],
  };
  const spread: ReportView = {
    name: '离散度',
    file: 'spread',
    title: `${s.group}，${s.year}年度数值指标的离散度`,
    columns: [col('单位'), col('口径'), col('比较方向'), col('指标数', 'number'), col('最小', 'number'), col('中位数', 'number'), col('最大', 'number'), col('极差', 'number')],
    rows: s.summaries.map((x) => [text(x.unit), text(SCOPE[x.scope]), text(DIRECTION[x.direction]), number(x.count), number(x.min), number(x.median), number(x.max), number(x.spread)]),
    notes: [],
  };
  return [targets, spread];
}
