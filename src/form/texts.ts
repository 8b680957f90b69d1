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
const keyOf = (s: string) => (s === '' ? '' : s.length > LONGEST_LABEL ? s : labelKey(s));

export function gridTexts(grid: Grid): GridTexts {
  let t = cache.get(grid);
  if (!t) {
    // A stamp or signature placeholder is a blank cell (see values/placeholder.ts).
    const text = grid.cells.map((row) => row.map((raw) => {
      const s = normalizeText(raw);
      return isNormalPlaceholder(s) ? '' : s;
    }));
    t = { text, key: text.map((row) => row.map(keyOf)), memo: new Map() };
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
