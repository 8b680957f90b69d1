// The findings as one report view, as the terminal, CSV and xlsx writers take it: one row per
// finding, and under it the meaning of each rule that found something (the legend), in rule order.
import { col, text, type ReportView } from '../report/view.ts';
import { shortId } from '../show/ids.ts';
import { type Finding, RuleCode } from './finding.ts';
import { RULE_MEANING } from './rule-meaning.ts';

export function findingsView(findings: Finding[], filingsReviewed: number): ReportView {
  const found = new Set(findings.map((f) => f.code));
  const codes = RuleCode.options.filter((c) => found.has(c));
  const filings = new Set(findings.map((f) => f.filingId)).size;
  return {
    name: '审查发现',
    file: 'findings',
    title: `审查发现：${findings.length} 条，涉及 ${filings} 份填报表（共审查 ${filingsReviewed} 份）`,
    columns: [
      col('年度'),
      col('部门', 'text', 20),
      col('项目', 'text', 20),
      col('规则'),
      col('说明', 'text', 52),
      col('指标', 'text', 16),
      col('编号'),
    ],
    rows: findings.map((f) => [
      text(f.year === null ? '—' : String(f.year)),
      text(f.department ?? '—'),
      text(f.project ?? '—'),
      text(f.code),
      text(f.message),
      text(f.indicator),
      text(shortId(f.filingId)),
    ]),
    notes: codes.map((c) => `${c}：${RULE_MEANING[c]}`),
  };
}
