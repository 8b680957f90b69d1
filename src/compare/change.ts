// What happened to one indicator's target from one year to the next.
//
// "Raised" and "lowered" say which way the number moved, as an auditor says it: a cost ceiling
// ≤300万元 that becomes ≤280万元 was lowered. Whether that asks more of the project depends on the
// comparator, so every move also says if it is stricter: for a floor (≥, >) a higher number is
// stricter, for a ceiling (≤, <) a lower one is; for an exact target (=) neither is. Numbers are only
// compared in the same unit and with a comparator of the same direction (≥ with >, ≤ with <, = with =);
// anything else that differs is "changed", as is any qualitative text that differs.
import type { Target } from '../schema.ts';
import { normalizeText } from '../text/normalize.ts';

export type ChangeKind = 'added' | 'removed' | 'raised' | 'lowered' | 'unchanged' | 'changed';

export interface TargetChange {
  kind: ChangeKind;
  /** For raised and lowered: whether the new target asks more (true), less (false), or neither (null). */
  stricter: boolean | null;
}

type Direction = 'floor' | 'ceiling' | 'exact';

const direction = (op: string): Direction => (op === '>=' || op === '>' ? 'floor' : op === '<=' || op === '<' ? 'ceiling' : 'exact');
const unitOf = (u: string | null) => (u === null ? '' : normalizeText(u));
const sameText = (a: Target, b: Target) => normalizeText(a.raw).replace(/\s+/g, '') === normalizeText(b.raw).replace(/\s+/g, '');

/** A target that is present in both years (either may be blank). */
export function compareTargets(before: Target | null, after: Target | null): TargetChange {
  const same: TargetChange = { kind: 'unchanged', stricter: null };
  const changed: TargetChange = { kind: 'changed', stricter: null };
  if (before === null || after === null) return before === after ? same : changed;
  if (sameText(before, after)) return same;

  if (before.kind === 'numeric' && after.kind === 'numeric') {
    if (unitOf(before.unit) !== unitOf(after.unit)) return changed;
    const dir = direction(before.op);
    if (dir !== direction(after.op)) return changed;
    // ≥90% and 不低于90% are one target; ≥90% and >90% are not, but which asks more is a quibble.
    if (before.value === after.value) return before.op === after.op ? same : changed;
    const up = after.value > before.value;
    return { kind: up ? 'raised' : 'lowered', stricter: dir === 'exact' ? null : dir === 'floor' ? up : !up };
  }

  if (before.kind === 'range' && after.kind === 'range') {
    if (unitOf(before.unit) !== unitOf(after.unit)) return changed;
    if (before.min === after.min && before.max === after.max) return same;
    if (after.min >= before.min && after.max >= before.max) return { kind: 'raised', stricter: null };
    if (after.min <= before.min && after.max <= before.max) return { kind: 'lowered', stricter: null };
    return changed;
  }

  return changed;
}
