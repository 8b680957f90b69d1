// Which indicators a group an auditor names stands for. A group is a level 2 (数量指标, 成本指标) or a
// level 1 (产出指标, and 成本指标 again: from 2021 on, cost is a level-1 group with 经济成本指标 and the
// like under it), by label or code. 成本指标 therefore finds the cost indicators of either template.
// A name that is neither a known group nor a label any filing uses is a typo, not an empty result.
import { LEVEL1, LEVEL2 } from '../form/vocabulary.ts';
import { resolveLevel } from '../levels.ts';
import type { FilingRecord, Indicator } from '../schema.ts';
import { CompareError } from './errors.ts';

type Grouped = Pick<Indicator, 'level1' | 'level1Code' | 'level2' | 'level2Code'>;

export interface GroupMatch {
  /** The group as reports name it: the label given, or the known label of the code given. */
  label: string;
  has(ind: Grouped): boolean;
}

export function matchGroup(given: string): GroupMatch & { known: boolean } {
  const l2 = resolveLevel('level2', given);
  const l1 = resolveLevel('level1', given);
  const has = (ind: Grouped) =>
    (l2.by === 'code' ? ind.level2Code === l2.value : ind.level2 === l2.value) || (l1.by === 'code' ? ind.level1Code === l1.value : ind.level1 === l1.value);
  const known = l2.by === 'code' ? LEVEL2.find((l) => l.code === l2.value)?.label : l1.by === 'code' ? [...LEVEL1].find(([, code]) => code === l1.value)?.[0] : undefined;
  return { label: known ?? l2.value, has, known: l2.by === 'code' || l1.by === 'code' };
}

/**
 * The group, or a CompareError naming the groups the filings do have when neither the template nor
 * any of these filings knows it.
 */
export function groupIn(records: FilingRecord[], given: string): GroupMatch {
  const match = matchGroup(given);
  if (match.known) return match;
  const groups = records.flatMap((r) => [...r.indicators, ...r.emptyGroups]);
  if (groups.some(match.has)) return match;
  throw unknownGroup(given, groups);
}

export function unknownGroup(given: string, groups: Grouped[]): CompareError {
  const labels = [...new Set(groups.flatMap((g) => [g.level1, g.level2]).filter((l): l is string => !!l))];
  return new CompareError('unknown_group', `没有名为“${given.trim()}”的指标组；可选：${labels.length ? labels.join('、') : '（所选填报表中没有指标）'}`);
}
