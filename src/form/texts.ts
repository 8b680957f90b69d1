// A grid as the form reader reads it: each cell normalised once, with its label key. Locating forms
// and reading them both look at every cell several times, and long cells (explanations) are costly
// to normalise again.
// The texts travel with the grid rather than in a WeakMap beside it: V8's young-generation collector
// pays for every live WeakMap entry at each collection, and that doubled the collector's time per
// form (measured on the xlsx bench corpus).
import type { Grid } from '../../parsers/grid.ts';
import { labelKey, normalizeText } from '../text/normalize.ts';
import { isNormalPlaceholder } from '../values/placeholder.ts';

export interface TextGrid extends Grid {
  readonly text: readonly (readonly string[])[];
  /** Each cell's label key (see labelKey); a row whose keys are its texts shares its texts array. */
  readonly key: readonly (readonly string[])[];
  /** Answers about the whole grid, computed once (rows holding a header, …). */
  memo: Map<string, unknown>;
}

/** No label is longer than this; a long text (a goal, an explanation) is its own key. */
const LONGEST_LABEL = 40;

export function textGrid(grid: Grid): TextGrid {
  const text: string[][] = [];
  const key: string[][] = [];
  for (const row of grid.cells) {
    const texts: string[] = [];
    // Most rows' keys are their texts: such a row's keys are its texts array itself.
    let keys: string[] | null = null;
    for (const raw of row) {
      let s = normalizeText(raw);
      // A stamp or signature placeholder is a blank cell (see values/placeholder.ts).
      if (isNormalPlaceholder(s)) s = '';
      const k = s.length > LONGEST_LABEL ? s : labelKey(s);
      if (keys === null && k !== s) keys = texts.slice();
      texts.push(s);
      keys?.push(k);
    }
    text.push(texts);
    key.push(keys ?? texts);
  }
  // Spelled out, not spread: a spread gave each TextGrid an object of a new shape, and --log-ic showed
  // every read of its fields turning megamorphic once per file, crowding the property cache that
  // SheetJS's XML parsing leans on.
  return {
    locator: grid.locator,
    index: grid.index,
    cells: grid.cells,
    merges: grid.merges,
    mergesKnown: grid.mergesKnown,
    before: grid.before,
    text,
    key,
    memo: new Map(),
  };
}

/** A per-grid answer, computed on first use. */
export function onceFor<T>(grid: TextGrid, name: string, compute: (grid: TextGrid) => T): T {
  if (!grid.memo.has(name)) grid.memo.set(name, compute(grid));
  return grid.memo.get(name) as T;
}
