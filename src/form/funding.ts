// The funding block: the whole project's money (left block) and this year's (right block, or the
// only block). 其他资金 and 其中:财政拨款 stand in both blocks; where a label stands tells which.
import type { FilingRecord } from '../schema.ts';
import { parseAmount, type AmountUnit } from '../values/amount.ts';
import type { FundingEntry } from './header.ts';
import { FUNDING_BLOCK, FUNDING_LABELS, FUNDING_SHARED, MONEY_WORDS, NOT_MONEY, type FundingField } from './vocabulary.ts';

type Funding = FilingRecord['funding'];

/** A known money label whose value is not an amount: kept as text in project.extras, and told. */
export interface UnreadableAmount {
  label: string;
  text: string;
}

export function readFunding(
  entries: FundingEntry[],
  unit: AmountUnit,
  extras: Record<string, string | null>,
  unreadable: UnreadableAmount[] = [],
): Funding {
  const funding: Funding = {
    unit: '万元', total: null, fiscal: null, other: null, annualTotal: null, annualAppropriation: null,
    // Keyed by the form's own labels: without a prototype, `__proto__` is a label like any other.
    priorYearCarryover: null, annualOther: null, extras: Object.create(null),
  };
  const all: FundingEntry[] = [];
  for (const e of entries) all.push(e, ...proseEntries(e));
  const anchors = all.filter((e) => FUNDING_LABELS.has(e.key));
  for (const e of all) {
    const text = e.value;
    const shared = FUNDING_SHARED.get(e.key);
    const field: FundingField | undefined = FUNDING_LABELS.get(e.key) ?? (shared && (blockOf(e, anchors) === 'annual' ? shared.annual : shared.whole));
    const amount = parseAmount(text, unit);
    if (e.fromProse && !field && amount == null) continue;
    if (field) {
      if (amount === undefined) {
        // Not a number: kept as text, not lost, and told, since an amount was expected here.
        extras[labelText(e.label)] = text;
        unreadable.push({ label: labelText(e.label), text: text! });
      }
      else funding[field] ??= amount;
      continue;
    }
    // An unknown label: an amount beside a money word is money, anything else a project field.
    if (amount != null && (MONEY_WORDS.test(e.key) || e.fromProse) && !NOT_MONEY.test(e.key)) funding.extras[labelText(e.label)] = amount;
    else if (!e.fromProse) extras[labelText(e.label)] = text;
  }
  return funding;
}

/**
 * Funding written as prose in one cell (宁乡: 年度资金总额:10606.7522万元,其中财政拨款:10606.7522万元;
 * 二、自有资金:0;三、其他:0): each label:amount becomes an entry of its own; the text itself stays.
 */
function proseEntries(e: FundingEntry): FundingEntry[] {
  if (!e.value || !MONEY_WORDS.test(e.key) || !/[:：]/u.test(e.value)) return [];
  const out: FundingEntry[] = [];
  for (const m of e.value.matchAll(/([\p{Script=Han}]{2,12})[:：]\s*([\d,]+(?:\.\d+)?\s*(?:万元|万|元)?)/gu)) {
    const label = m[1].replace(/^(?:其中|[一二三四五六七八九十]+、)/u, '');
    const key = label === '其他' ? '其他资金' : label;
    out.push({ label, key, r: e.r, c: e.c, value: m[2], fromProse: true });
  }
  return out;
}

/** The block of the nearest label whose block is known: same column above first, then the nearest. */
function blockOf(entry: FundingEntry, anchors: FundingEntry[]): 'whole' | 'annual' {
  const sameColumnAbove = anchors.filter((a) => a.c === entry.c && a.r <= entry.r).sort((a, b) => b.r - a.r)[0];
  const nearest = sameColumnAbove ?? [...anchors].sort((a, b) => dist(a, entry) - dist(b, entry))[0];
  return nearest ? FUNDING_BLOCK(FUNDING_LABELS.get(nearest.key)!) : 'whole';
}

const dist = (a: FundingEntry, b: FundingEntry) => Math.abs(a.c - b.c) * 3 + Math.abs(a.r - b.r);
const labelText = (label: string) => label.replace(/[:：]\s*$/u, '').trim();
