// Which indicators belong to the groups the review rules ask about. By code first, as the reader
// assigned them (vocabulary.ts); a group the vocabulary did not know (code `other`) still counts
// by its label, since a rule that misses a 成本 group under an unusual name reports a filing that
// did nothing wrong.
import { LEVEL2 } from '../form/vocabulary.ts';
import type { Indicator, Level2 } from '../schema.ts';

type Levels = Pick<Indicator, 'level1' | 'level1Code' | 'level2' | 'level2Code'>;

// 成本指标 is a level 1 of its own on forms since 2021 (经济/社会/生态环境成本指标 under it), and a
// level 2 under 产出指标 before: both are the cost group.
const COST_LEVEL2 = new Set<Level2>(['cost', ...LEVEL2.filter((l) => l.under.includes('cost')).map((l) => l.code)]);

const labelled = (l: Levels, word: RegExp) => (l.level1Code === 'other' && word.test(l.level1 ?? '')) || (l.level2Code === 'other' && word.test(l.level2 ?? ''));

export function isCost(l: Levels): boolean {
  return l.level1Code === 'cost' || (l.level2Code !== null && COST_LEVEL2.has(l.level2Code)) || labelled(l, /成本/u);
}

export function isSatisfaction(l: Levels): boolean {
  return l.level1Code === 'satisfaction' || l.level2Code === 'satisfaction' || labelled(l, /满意/u);
}

/**
 * An output indicator (产出指标): the level 1 says so. The 成本指标 that forms before 2021 put under
 * 产出指标 does not count: a cost ceiling says what the project may spend, not what it delivers, and
 * the rule should judge a 2019 form as it judges a 2023 one.
 */
export function isOutput(l: Levels): boolean {
  return l.level1Code === 'output' && !isCost(l);
}
