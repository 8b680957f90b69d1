// `filings review`'s findings: every rule over the stored records given, as one list. Pure: the CLI
// reads the store and picks the filings to show. Listed by filing as `filings list` lists them (year,
// department, project by code point, then the order stored), within a filing in the order of
// RuleCode; no finding twice (a form that names an indicator three times carries two identical
// duplicate warnings: one finding says it).
import type { StoredRecord } from '../store/store.ts';
import { filingFindings } from './filing-rules.ts';
import { type Finding, RuleCode } from './finding.ts';
import { yearFindings } from './year-rules.ts';

const cmp = (a: string | number | null, b: string | number | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);

function filingOrder(records: StoredRecord[]): Map<string, number> {
  const sorted = [...records].sort((a, b) => {
    const [x, y] = [a.record, b.record];
    return (
      cmp(x.form.fiscalYear, y.form.fiscalYear) ||
      cmp(x.project.department, y.project.department) ||
      cmp(x.project.name, y.project.name) ||
      a.seq - b.seq
    );
  });
  return new Map(sorted.map((s, i) => [s.record.id, i]));
}

export function reviewFindings(records: StoredRecord[]): Finding[] {
  const all = [...records.flatMap((s) => filingFindings(s.record)), ...yearFindings(records)];
  const order = filingOrder(records);
  const rule = (f: Finding) => RuleCode.options.indexOf(f.code);
  const seen = new Set<string>();
  return all
    .sort((a, b) => order.get(a.filingId)! - order.get(b.filingId)! || rule(a) - rule(b))
    .filter((f) => {
      const key = JSON.stringify(f);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
