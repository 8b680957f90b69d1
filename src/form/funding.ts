// The funding block: the whole project's money (left block) and this year's (right block, or the
// only block). 其他资金 and 其中:财政拨款 stand in both blocks; where a label stands tells which.
import type { FilingRecord } from '../schema.ts';
import { parseAmount, type AmountUnit } from '../values/amount.ts';
import type { FundingEntry } from './header.ts';
import { FUNDING_BLOCK, FUNDING_LABELS, FUNDING_SHARED, MONEY_WORDS, NOT_MONEY, type FundingField } from './vocabulary.ts';

type Funding = FilingRecord['funding'];

export function readFunding(entries: FundingEntry[], unit: AmountUnit, extras: Record<string, string | null>): Funding {
  const funding: Funding = {
    unit: '万元', total: null, fiscal: null, other: null, annualTotal: null, annualAppropriation: null,
    priorYearCarryover: null, annualOther: null, extras: {},
  };
  const anchors = entries.filter((e) => e.key in FUNDING_LABELS);
  for (const e of entries) {
    const text = e.value;
    let field: FundingField | undefined = FUNDING_LABELS[e.key];
    if (!field && FUNDING_SHARED[e.key]) field = FUNDING_SHARED[e.key][blockOf(e, anchors)];
    const amount = parseAmount(text, unit);
    if (field) {
      if (amount === undefined) extras[labelText(e.label)] = text; // not a number: kept as text, not lost
      else if (funding[field] == null) funding[field] = amount;
      continue;
    }
    // An unknown label: an amount beside a money word is money, anything else a project field.
    if (amount != null && MONEY_WORDS.test(e.key) && !NOT_MONEY.test(e.key)) funding.extras[labelText(e.label)] = amount;
    else extras[labelText(e.label)] = text;
  }
  return funding;
}

/** The block of the nearest label whose block is known: same column above first, then the nearest. */
function blockOf(entry: FundingEntry, anchors: FundingEntry[]): 'whole' | 'annual' {
  const sameColumnAbove = anchors.filter((a) => a.c === entry.c && a.r <= entry.r).sort((a, b) => b.r - a.r)[0];
  const nearest = sameColumnAbove ?? [...anchors].sort((a, b) => dist(a, entry) - dist(b, entry))[0];
  return nearest ? FUNDING_BLOCK(FUNDING_LABELS[nearest.key]) : 'whole';
}

const dist = (a: FundingEntry, b: FundingEntry) => Math.abs(a.c - b.c) * 3 + Math.abs(a.r - b.r);
const labelText = (label: string) => label.replace(/[:：]\s*$/u, '').trim();
