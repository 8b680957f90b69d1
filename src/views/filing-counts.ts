// Per filing: how many findings the review makes of it (the year-to-year ones too), by which rules,
// and how many warnings its form carries. The workspace's list shows them beside every filing. The
// review compares a filing with its project's other years, so it reads the whole store (1.2 s at
// 6,000 filings, most of it reading every record): the counts are made once per state of the store,
// named by its last change number and its size, not once per request.
import type { RuleCode } from '../review/finding.ts';
import { reviewFindings } from '../review/rules.ts';
import type { FilingSummary, Store } from '../store/store.ts';

export interface FilingCounts {
  findings: ReadonlyMap<string, number>;
  /** The rules each filing's findings come from. */
  rules: ReadonlyMap<string, ReadonlySet<RuleCode>>;
  warnings: ReadonlyMap<string, number>;
}

const made = new WeakMap<Store, { state: string; counts: FilingCounts }>();

/** The counts of every filing in the store; `all` is its whole list, as listFilings() gives it. */
export async function filingCounts(store: Store, all: FilingSummary[]): Promise<FilingCounts> {
  // Taken before the records are read: a change made meanwhile makes the next call read them again.
  const state = `${await store.lastChange()}:${all.length}`;
  const known = made.get(store);
  if (known?.state === state) return known.counts;
  const records = await store.records(all.map((s) => s.id));
  const findings = new Map<string, number>();
  const rules = new Map<string, Set<RuleCode>>();
  for (const f of reviewFindings(records)) {
    findings.set(f.filingId, (findings.get(f.filingId) ?? 0) + 1);
    let set = rules.get(f.filingId);
    if (!set) rules.set(f.filingId, (set = new Set()));
    set.add(f.code);
  }
  const counts: FilingCounts = { findings, rules, warnings: new Map(records.map((r) => [r.record.id, r.record.warnings.length])) };
  made.set(store, { state, counts });
  return counts;
}
