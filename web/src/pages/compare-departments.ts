// 跨部门对比: for one year, how many indicators each department filed in each group (and which groups
// were left empty), and for one group the numeric targets side by side — charted per unit and scope,
// since a total and a per-person figure, or 万元 and %, are not comparable.
import { api, isAbort, messageOf, queryString } from '../api.ts';
import { barOption, chartBox } from '../charts.ts';
import { dash, errorBox, fmt, h, notice, table } from '../dom.ts';
import { downloads, filterForm, valuesOf, type Field, type Values } from '../form.ts';
import { DIRECTION_LABELS, SCOPE_LABELS } from '../labels.ts';
import { latestOnly, rememberQuery, type PageContext } from '../page.ts';

interface MatrixCell {
  count: number;
  empty: number;
  absent: number;
}

interface DepartmentMatrix {
  year: number;
  columns: { key: string; label: string }[];
  rows: { department: string; departmentCode: string | null; projects: string[]; cells: MatrixCell[] }[];
  emptyGroups: { department: string; project: string; group: string }[];
  notes: string[];
}

interface SpreadRow {
  department: string;
  project: string;
  indicator: string;
  target: string | null;
  value: number | null;
  unit: string | null;
  op: string | null;
  scope: 'total' | 'unit' | null;
  vsMedian: number | null;
}

interface GroupSpread {
  year: number;
  group: string;
  rows: SpreadRow[];
  summaries: { unit: string | null; direction: string; scope: string; count: number; min: number; median: number; max: number; spread: number }[];
  notes: string[];
}

const FIELDS: Field[] = [
  { name: 'year', label: '年度', kind: 'year', required: true },
  { name: 'group', label: '指标组', placeholder: '如 成本指标（可不填）' },
  { name: 'department', label: '部门', placeholder: '名称或编码（可不填）' },
];

function matrixCell(c: MatrixCell): HTMLTableCellElement {
  if (c.count > 0) return h('td', { class: 'num' }, c.count);
  if (c.empty > 0) return h('td', { class: 'num empty-group', title: '列出了指标组但没有填指标' }, '空');
  return h('td', { class: 'num absent', title: '没有列出该指标组' }, '-');
}

function matrixTable(m: DepartmentMatrix): HTMLTableElement {
  return table(
    { class: 'data matrix', id: 'matrix' },
    ['部门', '填报表', ...m.columns.map((c) => c.label)],
    m.rows.map((r) =>
      h(
        'tr',
        null,
        h('td', null, r.department, r.departmentCode ? h('span', { class: 'muted' }, ` ${r.departmentCode}`) : null),
        h('td', { class: 'num', title: r.projects.join('\n') }, r.projects.length),
        r.cells.map(matrixCell),
      ),
    ),
  );
}

const unitName = (u: string | null) => u ?? '无单位';

/** One bar chart per (unit, scope): the departments' values, a bar per indicator. */
function spreadCharts(s: GroupSpread, signal: AbortSignal): HTMLElement[] {
  const buckets = new Map<string, SpreadRow[]>();
  for (const r of s.rows) {
    if (r.value === null || r.scope === null) continue;
    const key = JSON.stringify([r.unit, r.scope]);
    buckets.set(key, [...(buckets.get(key) ?? []), r]);
  }
  return [...buckets].map(([key, rows], i) => {
    const [unit, scope] = JSON.parse(key) as [string | null, string];
    const departments = rows.map((r) => r.department);
    // A department with several indicators in the bucket: each bar says which.
    const labels = rows.map((r) => (departments.filter((d) => d === r.department).length > 1 ? `${r.department}（${r.indicator}）` : r.department));
    const title = `${s.group} · ${unitName(unit)} · ${SCOPE_LABELS[scope] ?? scope}`;
    return chartBox(
      barOption(
        title,
        labels,
        rows.map((r) => r.value!),
        unitName(unit),
      ),
      signal,
      { id: i === 0 ? 'chart' : `chart-${i + 1}`, height: 380 },
    );
  });
}

function spreadSection(s: GroupSpread, signal: AbortSignal): HTMLElement {
  const charts = spreadCharts(s, signal);
  return h(
    'section',
    { class: 'block', id: 'spread' },
    h('h2', null, `${s.group}：各部门指标值`),
    s.notes.length
      ? h(
          'ul',
          { class: 'notes' },
          s.notes.map((n) => h('li', null, n)),
        )
      : null,
    charts.length ? h('div', { class: 'charts' }, charts) : notice('该指标组没有可比较的数值型指标值'),
    s.summaries.length
      ? table(
          { class: 'data', id: 'spread-summaries' },
          ['单位', '口径', '比较方向', '指标数', '最小', '中位数', '最大', '极差'],
          s.summaries.map((x) => [
            unitName(x.unit),
            SCOPE_LABELS[x.scope] ?? x.scope,
            DIRECTION_LABELS[x.direction] ?? x.direction,
            h('td', { class: 'num' }, x.count),
            h('td', { class: 'num' }, fmt(x.min)),
            h('td', { class: 'num' }, fmt(x.median)),
            h('td', { class: 'num' }, fmt(x.max)),
            h('td', { class: 'num' }, fmt(x.spread)),
          ]),
        )
      : null,
    h('h3', null, '明细'),
    table(
      { class: 'data', id: 'spread-rows' },
      ['部门', '项目', '指标', '指标值', '数值', '单位', '口径', '与中位数之差'],
      s.rows.map((r) => [
        r.department,
        r.project,
        r.indicator || h('span', { class: 'muted' }, '（该组没有指标）'),
        dash(r.target),
        h('td', { class: 'num' }, fmt(r.value)),
        dash(r.unit),
        r.scope ? (SCOPE_LABELS[r.scope] ?? r.scope) : '-',
        h('td', { class: 'num' }, r.vsMedian === null ? '-' : `${r.vsMedian > 0 ? '+' : ''}${fmt(r.vsMedian)}`),
      ]),
    ),
  );
}

function render(data: { matrix: DepartmentMatrix; spread: GroupSpread | null }, values: Values, signal: AbortSignal): HTMLElement[] {
  const m = data.matrix;
  return [
    downloads('/api/compare/departments', values),
    h(
      'section',
      { class: 'block' },
      h('h2', null, `${m.year}年度各部门各指标组的指标数`),
      h('p', { class: 'muted' }, '数字为指标个数；“空”表示列出了指标组却没有填指标；“-”表示没有列出该指标组。'),
      m.notes.length
        ? h(
            'ul',
            { class: 'notes' },
            m.notes.map((n) => h('li', null, n)),
          )
        : null,
      m.rows.length ? matrixTable(m) : notice('没有申报表'),
    ),
    m.emptyGroups.length
      ? h(
          'section',
          { class: 'block' },
          h('h2', null, '空指标组'),
          table(
            { class: 'data', id: 'empty-groups' },
            ['部门', '项目', '指标组'],
            m.emptyGroups.map((g) => [g.department, g.project, g.group]),
          ),
        )
      : null,
    data.spread ? spreadSection(data.spread, signal) : null,
  ].filter((x): x is HTMLElement => x !== null);
}

export function compareDepartmentsPage({ root, params, signal }: PageContext): Promise<void> | void {
  const results = h('div', { class: 'results', 'aria-live': 'polite' });
  const next = latestOnly(signal);

  const load = async (values: Values) => {
    const own = next();
    results.replaceChildren(notice('正在对比…'));
    try {
      const data = await api<{ matrix: DepartmentMatrix; spread: GroupSpread | null }>(`/api/compare/departments${queryString(values)}`, { signal: own });
      if (!own.aborted) results.replaceChildren(...render(data, values, own));
    } catch (e) {
      if (!isAbort(e)) results.replaceChildren(errorBox(messageOf(e)));
    }
  };

  const form = filterForm(FIELDS, params, '对比', (values) => {
    rememberQuery('compare/departments', queryString(values));
    void load(values);
  });
  root.append(h('h1', null, '跨部门对比'), form, results);
  const values = valuesOf(FIELDS, params);
  if (values.year) return load(values);
  results.replaceChildren(notice('填写年度后点“对比”；填写指标组可比较各部门该组的指标值。'));
}
