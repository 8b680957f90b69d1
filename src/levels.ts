// What a user means by a group of indicators (`--level2 成本指标`, `--group cost`): a code, a known
// label standing for its code, or a label as some form wrote it. The store's filters and the views'
// comparisons both ask here, so neither needs the other's names (SQL columns, record fields).
import { level1Of, level2Of } from './form/vocabulary.ts';
import { LEVEL1_CODES, LEVEL2_CODES } from './codes.ts';
import { labelKey, normalizeText } from './text/normalize.ts';

export type LevelMatch = { by: 'code'; value: string } | { by: 'label'; value: string };

/**
 * A level given by code matches the code; a known label (with or without 指标) matches its code,
 * so 进度指标 finds 时效指标 too; any other label matches the label as the form wrote it.
 */
export function resolveLevel(level: 'level1' | 'level2', given: string): LevelMatch {
  const text = normalizeText(given);
  const codes: readonly string[] = level === 'level1' ? LEVEL1_CODES : LEVEL2_CODES;
  if (codes.includes(text)) return { by: 'code', value: text };
  const key = labelKey(text);
  const code = level === 'level1' ? level1Of(key) : level2Of(key)?.code;
  if (code) return { by: 'code', value: code };
  return { by: 'label', value: text };
}
