// The review as the edges ask for it (the CLI's `review`, `list --findings`, `show`; the service's
// /api/review): the findings of the filings a filter keeps. The rules that look at the year before
// need that year's filing even where the filter leaves it out (--year 2023): the filings of the same
// projects are read too (review/scope.ts), every finding is made, and those asked for are kept.
import { RuleCode, type Finding } from '../review/finding.ts';
import { reviewFindings } from '../review/rules.ts';
import { idsToRead } from '../review/scope.ts';
import type { FilingFilter, FilingSummary, Store } from '../store/store.ts';
import { UnknownRuleError } from './errors.ts';

/** The rule codes asked for (`a b` or `a,b`), or null for all; an unknown code is an UnknownRuleError. */
export function ruleCodes(given: string[] | string | undefined): Set<RuleCode> | null {
  const list = typeof given === 'string' ? [given] : (given ?? []);
  const codes = list.flatMap((g) => g.split(',')).map((c) => c.trim()).filter(Boolean);
  if (codes.length === 0) return null;
  const unknown = codes.filter((c) => !RuleCode.safeParse(c).success);
  if (unknown.length) throw new UnknownRuleError(`没有这条审查规则：${unknown.join('、')}（规则代码：${RuleCode.options.join(', ')}）`);
  return new Set(codes as RuleCode[]);
}

/** The findings of `chosen` (all stored filings listed in `all`), of these rules or all. */
export async function findingsOf(store: Store, all: FilingSummary[], chosen: FilingSummary[], codes: Set<RuleCode> | null): Promise<Finding[]> {
  const asked = new Set(chosen.map((s) => s.id));
  const findings = reviewFindings(await store.records(idsToRead(all, chosen)));
  return findings.filter((f) => asked.has(f.filingId) && (codes === null || codes.has(f.code)));
}

/** The findings of the filings the filter keeps, and how many filings that is. */
export async function review(store: Store, filter: FilingFilter, codes: Set<RuleCode> | null): Promise<{ findings: Finding[]; reviewed: number }> {
  const all = await store.listFilings();
  const filtered = Object.values(filter).some((v) => v !== undefined && v !== '');
  const chosen = filtered ? await store.listFilings(filter) : all;
  return { findings: await findingsOf(store, all, chosen, codes), reviewed: chosen.length };
}
