// 申报表: every stored filing, filtered by year, department, project, words or a review finding.
import { api, isAbort, messageOf, queryString } from '../api.ts';
import { dash, errorBox, filingHref, fmt, h, notice, table } from '../dom.ts';
import { filterForm, valuesOf, type Field, type Values } from '../form.ts';
import { latestOnly, rememberQuery, type PageContext } from '../page.ts';

interface FilingItem {
  id: string;
  shortId: string;
  fiscalYear: number | null;
  department: string | null;
  departmentCode: string | null;
  projectName: string | null;
  fileName: string;
  locator: string;
  indicators: number;
  fundingTotal: number | null;
  annualTotal: number | null;
  findings: number;
  warnings: number;
}

const FIELDS: Field[] = [
  { name: 'year', label: '年度', kind: 'year' },
  { name: 'department', label: '部门', placeholder: '名称或编码' },
  { name: 'project', label: '项目', placeholder: '项目名称' },
  { name: 'q', label: '关键词', placeholder: '项目、部门、文件名' },
  { name: 'finding', label: '审查发现', kind: 'rule' },
];

function row(f: FilingItem): HTMLTableRowElement {
  const flagged = f.findings > 0;
  return h(
    'tr',
    { 'data-id': f.id },
    h('td', { class: 'mono' }, f.shortId),
    h('td', { class: 'num' }, f.fiscalYear ?? '-'),
    h('td', null, dash(f.department), f.departmentCode ? h('span', { class: 'muted' }, ` ${f.departmentCode}`) : null),
    h('td', null, h('a', { href: filingHref(f.id) }, f.projectName ?? '（未写项目名称）')),
    h('td', { class: 'num' }, f.indicators),
    h('td', { class: 'num' }, fmt(f.fundingTotal)),
    h('td', { class: 'num' }, fmt(f.annualTotal)),
    h('td', { class: flagged ? 'num findings flagged' : 'num findings' }, f.findings),
    h('td', { class: 'file' }, f.fileName, h('span', { class: 'muted locator' }, ` ${f.locator}`)),
  );
}

export function filingsPage({ root, params, signal }: PageContext): Promise<void> {
  const results = h('div', { class: 'results', 'aria-live': 'polite' });
  const next = latestOnly(signal);

  const load = async (values: Values) => {
    const own = next();
    results.replaceChildren(notice('正在加载…'));
    try {
      const data = await api<{ items: FilingItem[]; total: number }>(`/api/filings${queryString(values)}`, { signal: own });
      const shown = data.items.length < data.total ? `共 ${data.total} 份，显示前 ${data.items.length} 份` : `共 ${data.total} 份`;
      results.replaceChildren(
        h('p', { class: 'summary' }, shown),
        data.items.length
          ? table(
              { class: 'data', id: 'filings' },
              ['编号', '年度', '部门', '项目', '指标数', '资金总额（万元）', '年度资金（万元）', '审查发现', '文件'],
              data.items.map(row),
            )
          : notice('没有符合条件的申报表'),
      );
    } catch (e) {
      if (!isAbort(e)) results.replaceChildren(errorBox(messageOf(e)));
    }
  };

  const form = filterForm(FIELDS, params, '查询', (values) => {
    rememberQuery('filings', queryString(values));
    void load(values);
  });
  root.append(h('h1', null, '申报表'), form, results);
  return load(valuesOf(FIELDS, params));
}
