// One filing laid out like the paper form: header, funding, goals, the indicator tree with its
// level-1 and level-2 cells merged down, then what the review found and where the file came from.
import { api, isAbort, messageOf } from '../api.ts';
import { dash, errorBox, fill, fmt, fmtTime, h, notice, table, type Child } from '../dom.ts';
import { HORIZON_LABELS, ruleLabel, SEVERITY_LABELS } from '../labels.ts';
import type { PageContext } from '../page.ts';

interface Target {
  raw: string;
  kind: string;
}

interface Indicator {
  horizon: 'annual' | 'overall';
  level1: string | null;
  level2: string | null;
  name: string;
  target: Target | null;
  explanation: string | null;
  basis: string | null;
}

interface FilingRecord {
  id: string;
  source: { file: string; format: string; sha256: string; formIndex: number; locator: string };
  form: { title: string | null; fiscalYear: number | null };
  project: {
    name: string | null;
    category: string | null;
    nature: string | null;
    attribute: string | null;
    department: string | null;
    departmentCode: string | null;
    implementingUnit: string | null;
    plannedStart: string | null;
    plannedEnd: string | null;
    extras: Record<string, string | null>;
  };
  funding: {
    total: number | null;
    fiscal: number | null;
    other: number | null;
    annualTotal: number | null;
    annualAppropriation: number | null;
    priorYearCarryover: number | null;
    annualOther: number | null;
    extras: Record<string, number | null>;
  };
  goals: { overallPeriod: string | null; overall: string | null; annual: string | null };
  indicators: Indicator[];
  emptyGroups: { level1: string | null; level2: string }[];
  unmapped: { row: number; col: number; text: string }[];
}

interface FilingInFull {
  filing: FilingRecord;
  fileNames: { fileName: string; path: string | null; firstSeen: string; lastSeen: string }[];
  findings: { code: string; severity: string; message: string; indicator: string | null }[];
}

const th = (label: string, attrs: Record<string, string | number> = {}) => h('th', { scope: 'row', ...attrs }, label);
const td = (value: Child, attrs: Record<string, string | number> = {}) => h('td', attrs, value);

/** Label/value pairs two to a row, as the form's header block sets them. */
function pairs(items: [string, Child][]): HTMLTableRowElement[] {
  const rows: HTMLTableRowElement[] = [];
  for (let i = 0; i < items.length; i += 2) {
    const [a, b] = [items[i], items[i + 1]];
    rows.push(b ? h('tr', null, th(a[0]), td(a[1]), th(b[0]), td(b[1])) : h('tr', null, th(a[0]), td(a[1], { colspan: 3 })));
  }
  return rows;
}

function headerTable(r: FilingRecord): HTMLTableElement {
  const p = r.project;
  const dept = p.department || p.departmentCode ? `${p.department ?? ''}${p.departmentCode ? `（${p.departmentCode}）` : ''}` : '-';
  const extras = Object.entries(p.extras).map(([k, v]): [string, Child] => [k, dash(v)]);
  return h(
    'table',
    { class: 'form-table', id: 'project' },
    h(
      'tbody',
      null,
      h('tr', null, th('项目名称'), td(dash(p.name), { colspan: 3, class: 'strong' })),
      pairs([
        ['主管部门', dept],
        ['实施单位', dash(p.implementingUnit)],
        ['项目类别', dash(p.category)],
        ['项目性质', dash(p.nature)],
        ['计划开始日期', dash(p.plannedStart)],
        ['计划完成日期', dash(p.plannedEnd)],
        ['项目属性', dash(p.attribute)],
        ...extras,
      ]),
    ),
  );
}

function fundingTable(r: FilingRecord): HTMLTableElement {
  const f = r.funding;
  const left: [string, number | null][] = [
    ['项目资金总额', f.total],
    ['其中：财政资金', f.fiscal],
    ['其他资金', f.other],
  ];
  const right: [string, number | null][] = [
    ['年度资金申请总额', f.annualTotal],
    ['当年财政拨款', f.annualAppropriation],
    ['上年结转资金', f.priorYearCarryover],
    ['其他资金', f.annualOther],
  ];
  const extras = Object.entries(f.extras);
  const rows = Math.max(left.length, right.length);
  const body: HTMLTableRowElement[] = [];
  for (let i = 0; i < rows; i++) {
    const l = left[i];
    const r2 = right[i];
    body.push(
      h(
        'tr',
        null,
        i === 0 ? th('项目资金（万元）', { rowspan: rows + extras.length, class: 'group' }) : null,
        l ? [th(l[0]), td(fmt(l[1]), { class: 'num' })] : [h('td', { class: 'blank' }), h('td', { class: 'blank' })],
        th(r2[0]),
        td(fmt(r2[1]), { class: 'num' }),
      ),
    );
  }
  for (const [label, value] of extras) body.push(h('tr', null, th(label), td(fmt(value), { class: 'num', colspan: 3 })));
  return h('table', { class: 'form-table', id: 'funding' }, h('tbody', null, body));
}

function goalsTable(r: FilingRecord): HTMLTableElement {
  const g = r.goals;
  return h(
    'table',
    { class: 'form-table', id: 'goals' },
    h(
      'tbody',
      null,
      h('tr', null, th(g.overallPeriod ? `总体目标（${g.overallPeriod}）` : '总体目标'), td(dash(g.overall), { class: 'prose' })),
      h('tr', null, th('年度目标'), td(dash(g.annual), { class: 'prose' })),
    ),
  );
}

/** How many rows from `start` share the same key: a merged cell's rowspan. */
function runLength(items: Indicator[], start: number, key: (i: Indicator) => string): number {
  let n = 1;
  while (start + n < items.length && key(items[start + n]) === key(items[start])) n++;
  return n;
}

function indicatorTable(r: FilingRecord): HTMLElement {
  const items = r.indicators;
  if (items.length === 0) return notice('没有填写绩效指标');
  // Overall and annual targets are separate blocks on the forms that have both.
  const mixed = new Set(items.map((i) => i.horizon)).size > 1;
  const k0 = (i: Indicator) => i.horizon;
  const k1 = (i: Indicator) => JSON.stringify([i.horizon, i.level1]);
  const k2 = (i: Indicator) => JSON.stringify([i.horizon, i.level1, i.level2]);
  const rows = items.map((ind, n) => {
    const starts = (key: (i: Indicator) => string) => n === 0 || key(items[n - 1]) !== key(ind);
    const merged = (key: (i: Indicator) => string, text: string, cls: string) =>
      starts(key) ? h('td', { rowspan: runLength(items, n, key), class: `merged ${cls}` }, text) : null;
    return h(
      'tr',
      { 'data-horizon': ind.horizon },
      mixed ? merged(k0, HORIZON_LABELS[ind.horizon] ?? ind.horizon, 'horizon') : null,
      merged(k1, dash(ind.level1), 'level1'),
      merged(k2, dash(ind.level2), 'level2'),
      h('td', { class: 'name' }, ind.name),
      ind.target ? h('td', { class: `target target-${ind.target.kind}` }, ind.target.raw) : h('td', { class: 'target missing' }, '未填'),
      h('td', { class: 'prose' }, dash(ind.explanation)),
      h('td', { class: 'prose' }, dash(ind.basis)),
    );
  });
  return table(
    { class: 'form-table indicators', id: 'indicators' },
    [mixed ? '期限' : null, '一级指标', '二级指标', '三级指标', '指标值', '指标解释', '确定依据'].filter((x) => x !== null),
    rows,
  );
}

function section(title: string, ...content: Child[]): HTMLElement {
  return h('section', { class: 'block' }, h('h2', null, title), content);
}

export async function filingPage({ root, args, signal }: PageContext): Promise<void> {
  const id = args[0];
  root.append(notice('正在加载…'));
  let data: FilingInFull;
  try {
    data = await api<FilingInFull>(`/api/filings/${encodeURIComponent(id)}`, { signal });
  } catch (e) {
    if (!isAbort(e)) root.replaceChildren(h('h1', null, '申报表'), errorBox(messageOf(e)));
    return;
  }
  const r = data.filing;
  const year = r.form.fiscalYear;
  const compareHref = r.project.name
    ? `#/compare/years?${new URLSearchParams({ project: r.project.name, ...(r.project.department ? { department: r.project.department } : {}) })}`
    : null;

  fill(
    root,
    h('h1', null, r.form.title ?? '绩效目标申报表', year ? h('span', { class: 'year' }, `${year}年度`) : null),
    h(
      'p',
      { class: 'toolbar' },
      h('a', { href: `/api/filings/${encodeURIComponent(r.id)}/original`, download: '', class: 'button-link', id: 'download-original' }, '下载原件'),
      compareHref ? h('a', { href: compareHref, class: 'button-link secondary' }, '跨年对比此项目') : null,
      h('span', { class: 'muted mono', title: r.id }, `编号 ${r.id.slice(0, 10)}:${r.source.formIndex}`),
    ),
    section('项目基本情况', headerTable(r)),
    section('项目资金', fundingTable(r)),
    section('绩效目标', goalsTable(r)),
    section('绩效指标', indicatorTable(r)),
    r.emptyGroups.length
      ? section(
          '空指标组',
          h('p', { class: 'muted' }, '表上列出却没有填写指标的指标组：'),
          table(
            { class: 'data', id: 'empty-groups' },
            ['一级指标', '二级指标'],
            r.emptyGroups.map((g) => [dash(g.level1), g.level2]),
          ),
        )
      : null,
    section(
      '审查发现',
      data.findings.length
        ? h(
            'ul',
            { class: 'findings-list', id: 'findings' },
            data.findings.map((f) =>
              h(
                'li',
                { class: `finding severity-${f.severity}`, 'data-code': f.code },
                h('span', { class: `badge severity-${f.severity}`, title: SEVERITY_LABELS[f.severity] ?? f.severity }, ruleLabel(f.code)),
                h('span', { class: 'message' }, f.message),
                f.indicator ? h('span', { class: 'muted' }, `（指标：${f.indicator}）`) : null,
              ),
            ),
          )
        : notice('没有审查发现'),
    ),
    section(
      '来源文件',
      h('p', null, `位置：${r.source.locator}；格式：${r.source.format}`),
      table(
        { class: 'data', id: 'file-names' },
        ['文件名', '路径', '首次导入', '最近导入'],
        data.fileNames.map((f) => [f.fileName, dash(f.path), fmtTime(f.firstSeen), fmtTime(f.lastSeen)]),
      ),
    ),
    r.unmapped.length
      ? section(
          '未识别的内容',
          h(
            'details',
            null,
            h('summary', null, `表中有 ${r.unmapped.length} 处内容未能对应到表格栏目`),
            table(
              { class: 'data' },
              ['行', '列', '内容'],
              r.unmapped.map((u) => [u.row, u.col, u.text]),
            ),
          ),
        )
      : null,
  );
}
