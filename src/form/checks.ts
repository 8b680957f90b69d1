// Checks of what the filer wrote; found problems travel in the record's warnings, with the spec's codes.
import type { FilingRecord, FilingWarning, Indicator } from '../schema.ts';

const near = (a: number, b: number) => Math.abs(a - b) <= 0.0001;
const round = (n: number) => Math.round(n * 1e6) / 1e6;

export function checkRecord(record: Pick<FilingRecord, 'funding' | 'project' | 'indicators'>): FilingWarning[] {
  const warnings: FilingWarning[] = [];
  const f = record.funding;
  const extras = Object.values(f.extras).reduce<number>((a, v) => a + (v ?? 0), 0);
  const sum = (total: number | null, parts: (number | null)[], what: string, partNames: string, alsoWithExtras = false) => {
    if (total == null || parts.every((p) => p == null)) return;
    const s = round(parts.reduce<number>((a, p) => a + (p ?? 0), 0));
    // 资金总额 = 财政拨款 + 自有资金 + 事业收入 (佳县 form): parts listed as extras still add up.
    if (near(total, s) || (alsoWithExtras && near(total, round(s + extras)))) return;
    warnings.push({ code: 'funding_sum', message: `${what} ${total} is not ${partNames} (${s})` });
  };
  sum(f.total, [f.fiscal, f.other], 'total', 'fiscal + other', true);
  sum(f.annualTotal, [f.annualAppropriation, f.priorYearCarryover, f.annualOther], 'annualTotal', 'annualAppropriation + priorYearCarryover + annualOther');
  const { plannedStart, plannedEnd } = record.project;
  if (plannedStart && plannedEnd && plannedEnd < plannedStart) {
    warnings.push({ code: 'dates_order', message: `plannedEnd ${plannedEnd} is before plannedStart ${plannedStart}` });
  }
  // By name first: a joined key would be built and hashed for every indicator, and names seldom repeat.
  const seen = new Map<string, Indicator[]>();
  for (const i of record.indicators) {
    const sameName = seen.get(i.name);
    if (!sameName) seen.set(i.name, [i]);
    else {
      if (sameName.some((o) => o.horizon === i.horizon && o.level1 === i.level1 && o.level2 === i.level2)) {
        warnings.push({ code: 'duplicate_indicator', message: `${i.name} appears twice under ${i.level2 ?? i.level1 ?? 'the same group'}` });
      }
      sameName.push(i);
    }
    if (i.target == null) warnings.push({ code: 'target_missing', message: `${i.name} has no target` });
  }
  return warnings;
}
