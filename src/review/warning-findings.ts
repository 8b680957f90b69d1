// The record's content warnings (form/checks.ts) as findings under their own codes. The record keeps
// each warning's message in English, for programs; the auditor gets it in Chinese, rebuilt from the
// record where the record holds the facts (dates, the indicator) and from the message where only
// the message does (the sum the check computed). A message in a shape this does not know (a record
// stored by another version of the reader) is shown as it is, after a Chinese lead, never dropped.
import type { FilingRecord, FilingWarning, Indicator } from '../schema.ts';
import { type Finding, finding } from './finding.ts';

const FUNDING_SUM = /^(total|annualTotal) (\S+) is not .+ \((\S+)\)$/s;
const DUPLICATE = /^(.+) appears twice under (.+)$/s;
const MISSING = /^(.+) has no target$/s;

const FUNDING_PARTS = {
  total: { total: '项目资金总额', parts: '财政资金与其他资金之和' },
  annualTotal: { total: '年度资金总额', parts: '当年财政拨款、上年结转资金与当年其他资金之和' },
} as const;

const GENERIC: Record<FilingWarning['code'], string> = {
  funding_sum: '资金合计不符',
  dates_order: '计划日期先后不符',
  duplicate_indicator: '指标重复',
  target_missing: '指标未填指标值',
};

const levelsOf = (i: Indicator | undefined) => ({ level1: i?.level1 ?? null, level2: i?.level2 ?? null });
const sameSlot = (a: Indicator, b: Indicator) => a.horizon === b.horizon && a.level1 === b.level1 && a.level2 === b.level2 && a.name === b.name;

function warningFinding(record: FilingRecord, w: FilingWarning): Finding {
  const generic = () => finding(record, w.code, { message: `${GENERIC[w.code]}：${w.message}` });
  switch (w.code) {
    case 'funding_sum': {
      const m = FUNDING_SUM.exec(w.message);
      if (!m) return generic();
      const names = FUNDING_PARTS[m[1] as keyof typeof FUNDING_PARTS];
      return finding(record, w.code, { message: `${names.total}${m[2]}万元，不等于${names.parts}${m[3]}万元` });
    }
    case 'dates_order': {
      const { plannedStart, plannedEnd } = record.project;
      if (!plannedStart || !plannedEnd) return generic();
      return finding(record, w.code, { message: `计划完成日期${plannedEnd}早于计划开始日期${plannedStart}` });
    }
    case 'duplicate_indicator': {
      const m = DUPLICATE.exec(w.message);
      if (!m) return generic();
      const first = record.indicators.find((i) => i.name === m[1]);
      const times = first ? record.indicators.filter((i) => sameSlot(i, first)).length : 2;
      const group = first ? (first.level2 ?? first.level1) : null;
      return finding(record, w.code, {
        message: `“${m[1]}”在${group ?? '同一指标组'}下填了${times}次`,
        indicator: m[1],
        ...levelsOf(first),
      });
    }
    case 'target_missing': {
      const m = MISSING.exec(w.message);
      if (!m) return generic();
      const indicator = record.indicators.find((i) => i.name === m[1] && i.target === null);
      return finding(record, w.code, { message: `“${m[1]}”没有填指标值`, indicator: m[1], ...levelsOf(indicator) });
    }
  }
}

export function warningFindings(record: FilingRecord): Finding[] {
  return record.warnings.map((w) => warningFinding(record, w));
}
