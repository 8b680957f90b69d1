// 审核: the review findings of the filings a filter keeps, each linked to its filing.
import { api, isAbort, messageOf, queryString } from '../api.ts';
import { dash, errorBox, filingHref, h, notice, table } from '../dom.ts';
import { downloads, filterForm, valuesOf, type Field, type Values } from '../form.ts';
import { ruleLabel, SEVERITY_LABELS } from '../labels.ts';
import { latestOnly, rememberQuery, type PageContext } from '../page.ts';

interface ReviewFinding {
  filingId: string;
  code: string;
  severity: string;
  message: string;
  indicator: string | null;
  year: number | null;
  department: string | null;
  project: string | null;
}

const FIELDS: Field[] = [
  { name: 'year', label: '年度', kind: 'year' },
  { name: 'department', label: '部门', placeholder: '名称或编码' },
  { name: 'project', label: '项目', placeholder: '项目名称' },
  { name: 'code', label: '规则', kind: 'rule' },
];

const row = (f: ReviewFinding) =>
  h(
    'tr',
    { class: `severity-${f.severity}`, 'data-code': f.code },
    h('td', { class: 'num' }, f.year ?? '-'),
    h('td', null, dash(f.department)),
    h('td', null, h('a', { href: filingHref(f.filingId) }, f.project ?? '（未写项目名称）')),
    h('td', { class: 'rule' }, h('span', { class: `badge severity-${f.severity}`, title: SEVERITY_LABELS[f.severity] ?? f.severity }, ruleLabel(f.code))),
    h('td', null, f.message),
    h('td', null, dash(f.indicator)),
  );

export function reviewPage({ root, params, signal }: PageContext): Promise<void> {
  const results = h('div', { class: 'results', 'aria-live': 'polite' });
  const next = latestOnly(signal);

  const load = async (values: Values) => {
    const own = next();
    results.replaceChildren(notice('正在审查…'));
    try {
      const { findings } = await api<{ findings: ReviewFinding[] }>(`/api/review${queryString(values)}`, { signal: own });
      const warnings = findings.filter((f) => f.severity === 'warning').length;
      results.replaceChildren(
        h('p', { class: 'summary' }, `共 ${findings.length} 条审查发现，其中需关注 ${warnings} 条`),
        downloads('/api/review', values),
        findings.length
          ? table({ class: 'data', id: 'findings' }, ['年度', '部门', '项目', '规则', '说明', '指标'], findings.map(row))
          : notice('没有审查发现'),
      );
    } catch (e) {
      if (!isAbort(e)) results.replaceChildren(errorBox(messageOf(e)));
    }
  };

  const form = filterForm(FIELDS, params, '审查', (values) => {
    rememberQuery('review', queryString(values));
    void load(values);
  });
  root.append(h('h1', null, '审核'), form, results);
  return load(valuesOf(FIELDS, params));
}
