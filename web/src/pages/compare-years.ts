// 跨年对比: one project's indicators followed through the years — a chart of the numeric targets
// (one per unit, so 万元 and % never share an axis) and the table of what changed each year.
import { api, isAbort, messageOf, queryString } from '../api.ts';
import { chartBox, lineOption, type LineSeries } from '../charts.ts';
import { errorBox, filingHref, h, notice, table } from '../dom.ts';
import { downloads, filterForm, valuesOf, type Field, type Values } from '../form.ts';
import { changeLabel, HORIZON_LABELS } from '../labels.ts';
import { latestOnly, rememberQuery, type PageContext } from '../page.ts';

interface Target {
  raw: string;
  kind: 'numeric' | 'range' | 'qualitative';
  value?: number;
  unit?: string | null;
  min?: number;
  max?: number;
  op?: string;
}

interface Transition {
  from: number;
  to: number;
  kind: string;
  stricter: boolean | null;
  renamed: { from: string; to: string } | null;
}

interface Row {
  name: string;
  level1: string | null;
  level2: string | null;
  horizon: 'annual' | 'overall';
  years: ({ name: string; target: Target | null } | null)[];
  transitions: Transition[];
  span: Transition | null;
}

interface ProjectComparison {
  project: string;
  department: string;
  departmentCode: string | null;
  years: number[];
  filings: { year: number; id: string; file: string; locator: string }[];
  rows: Row[];
  notes: string[];
  group?: string;
}

const FIELDS: Field[] = [
  { name: 'project', label: '项目', required: true, placeholder: '项目名称（可不含年份）' },
  { name: 'department', label: '部门', placeholder: '同名项目多个部门填报时' },
  { name: 'from', label: '起始年度', kind: 'year' },
  { name: 'to', label: '截止年度', kind: 'year' },
  { name: 'group', label: '指标组', placeholder: '如 成本指标、数量指标' },
];

const NO_UNIT = '无单位';

/** The numeric targets as line series, one set per unit. */
function seriesByUnit(c: ProjectComparison): Map<string, LineSeries[]> {
  const byUnit = new Map<string, LineSeries[]>();
  for (const row of c.rows) {
    const perUnit = new Map<string, (number | null)[]>();
    row.years.forEach((cell, i) => {
      const t = cell?.target;
      if (t?.kind !== 'numeric' || typeof t.value !== 'number') return;
      const unit = t.unit || NO_UNIT;
      if (!perUnit.has(unit))
        perUnit.set(
          unit,
          c.years.map(() => null),
        );
      perUnit.get(unit)![i] = t.value;
    });
    for (const [unit, data] of perUnit) {
      const list = byUnit.get(unit) ?? [];
      // Two indicators of one name in different groups stay two lines, told apart by their group.
      const name = list.some((s) => s.name === row.name) ? `${row.name}（${row.level2 ?? row.level1 ?? HORIZON_LABELS[row.horizon]}）` : row.name;
      list.push({ name, data });
      byUnit.set(unit, list);
    }
  }
  return byUnit;
}

function changeCell(t: Transition | null | undefined): HTMLTableCellElement {
  if (!t) return h('td', { class: 'change' });
  const cls = `change change-${t.kind}${t.stricter === false ? ' looser' : t.stricter === true ? ' stricter' : ''}`;
  return h(
    'td',
    { class: cls },
    changeLabel(t.kind, t.stricter),
    t.renamed ? h('div', { class: 'muted small' }, `改名：${t.renamed.from} → ${t.renamed.to}`) : null,
  );
}

function rowsTable(c: ProjectComparison): HTMLTableElement {
  const pairs = c.years.slice(1).map((to, i) => ({ from: c.years[i], to }));
  const head = [
    '指标',
    '指标组',
    ...c.years.map((y) => `${y}年`),
    ...pairs.map((p) => `${p.from}→${p.to}`),
    c.years.length > 2 ? `${c.years[0]}→${c.years[c.years.length - 1]}（首末）` : null,
  ].filter((x) => x !== null);
  const rows = c.rows.map((r) =>
    h(
      'tr',
      null,
      h('td', { class: 'name' }, r.name),
      h('td', null, [r.level1, r.level2].filter(Boolean).join(' / ') || '-', r.horizon === 'overall' ? h('span', { class: 'muted' }, '（总体）') : null),
      r.years.map((cell) =>
        !cell
          ? h('td', { class: 'absent' }, '—')
          : h(
              'td',
              { class: cell.target ? 'target' : 'target missing' },
              cell.target?.raw ?? '未填',
              cell.name !== r.name ? h('div', { class: 'muted small' }, `（${cell.name}）`) : null,
            ),
      ),
      pairs.map((p) => changeCell(r.transitions.find((t) => t.from === p.from && t.to === p.to))),
      c.years.length > 2 ? changeCell(r.span) : null,
    ),
  );
  return table({ class: 'data compare', id: 'compare-years' }, head, rows);
}

function render(c: ProjectComparison, values: Values, signal: AbortSignal): HTMLElement[] {
  const byUnit = seriesByUnit(c);
  const categories = c.years.map((y) => `${y}年`);
  const charts = [...byUnit].map(([unit, series], i) => chartBox(lineOption(unit, categories, series), signal, { id: i === 0 ? 'chart' : `chart-${i + 1}` }));
  const dept = `${c.department}${c.departmentCode ? `（${c.departmentCode}）` : ''}`;
  return [
    h(
      'h2',
      null,
      c.project || '（未写项目名称）',
      h('span', { class: 'muted subtitle' }, ` ${dept} · ${c.years[0]}–${c.years[c.years.length - 1]}年度${c.group ? ` · ${c.group}` : ''}`),
    ),
    h(
      'p',
      { class: 'filings-used' },
      '各年度采用的申报表：',
      c.filings.map((f) => h('a', { href: filingHref(f.id), title: `${f.file}（${f.locator}）`, class: 'chip' }, `${f.year}年`)),
    ),
    c.notes.length
      ? h(
          'ul',
          { class: 'notes' },
          c.notes.map((n) => h('li', null, n)),
        )
      : null,
    downloads('/api/compare/years', values),
    h('h3', null, '数值型指标值走势'),
    charts.length ? h('div', { class: 'charts' }, charts) : notice('没有可绘图的数值型指标值'),
    h('h3', null, '逐年变化'),
    c.rows.length ? rowsTable(c) : notice('没有指标'),
  ].filter((x): x is HTMLElement => x !== null);
}

export function compareYearsPage({ root, params, signal }: PageContext): Promise<void> | void {
  const results = h('div', { class: 'results', 'aria-live': 'polite' });
  const next = latestOnly(signal);

  const load = async (values: Values) => {
    const own = next();
    results.replaceChildren(notice('正在对比…'));
    try {
      const c = await api<ProjectComparison>(`/api/compare/years${queryString(values)}`, { signal: own });
      if (!own.aborted) results.replaceChildren(...render(c, values, own));
    } catch (e) {
      if (!isAbort(e)) results.replaceChildren(errorBox(messageOf(e)));
    }
  };

  const form = filterForm(FIELDS, params, '对比', (values) => {
    rememberQuery('compare/years', queryString(values));
    void load(values);
  });
  root.append(h('h1', null, '跨年对比'), form, results);
  const values = valuesOf(FIELDS, params);
  if (values.project) return load(values);
  results.replaceChildren(notice('填写项目名称后点“对比”，查看该项目各年度的指标及其变化。'));
}
