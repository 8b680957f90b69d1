// Each grid's cells normalised once, with their label keys: locating forms and reading them both
// look at every cell several times, and long cells (explanations) are costly to normalise again.
import type { Grid } from '../../parsers/grid.ts';
import { labelKey, normalizeText } from '../text/normalize.ts';
import { isNormalPlaceholder } from '../values/placeholder.ts';

export interface GridTexts {
  text: string[][];
  key: string[][];
  /** Answers about the whole grid, computed once (rows holding a header, …). */
  memo: Map<string, unknown>;
}

const cache = new WeakMap<Grid, GridTexts>();
/** No label is longer than this; a long text (a goal, an explanation) is its own key. */
const LONGEST_LABEL = 40;
/** What labelKey would change in a normalised text: white space, annotations, a colon. */
const KEY_WORK = /[\s(\[【:：]/;
const keyOf = (s: string) => (s === '' || s.length > LONGEST_LABEL || !KEY_WORK.test(s) ? s : labelKey(s));

export function gridTexts(grid: Grid): GridTexts {
  let t = cache.get(grid);
  if (!t) {
    const text: string[][] = [];
    const key: string[][] = [];
    for (const row of grid.cells) {
      const texts: string[] = [];
      const keys: string[] = [];
      for (const raw of row) {
        let s = normalizeText(raw);
        // A stamp or signature placeholder is a blank cell (see values/placeholder.ts).
        if (s !== '' && isNormalPlaceholder(s)) s = '';
        texts.push(s);
        keys.push(keyOf(s));
      }
      text.push(texts);
      key.push(keys);
    }
    t = { text, key, memo: new Map() };
    cache.set(grid, t);
  }
  return t;
}

/** A per-grid answer, computed on first use. */
export function onceFor<T>(grid: Grid, name: string, compute: (t: GridTexts) => T): T {
  const t = gridTexts(grid);
  if (!t.memo.has(name)) t.memo.set(name, compute(t));
  return t.memo.get(name) as T;
}
