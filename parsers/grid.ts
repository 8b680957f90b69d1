// The one thing parsers and the form reader share: a table as a rectangle of cell texts
// plus the regions that were merged in the original. Parsers know nothing about forms.

/** A merged region, inclusive on both ends; its text sits only in the top-left cell. */
export interface Merge {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface Grid {
  /** Where in the file the table is: `table 3`, `sheet 项目A`. */
  locator: string;
  /** The table's (or sheet's) position in the file, from 1: the number a locator `table N` shows. */
  index: number;
  /** Rectangular: every row has the same length. '' is a blank cell. Text as written (not normalised). */
  cells: string[][];
  merges: Merge[];
  /**
   * Whether the format keeps merged regions. Markdown does not: a merged span arrives as blank cells,
   * and an empty `merges` says nothing about the original table.
   */
  mergesKnown: boolean;
  /** Text lines that stand between the previous table (or the start) and this one: titles, unit notes. */
  before: string[];
}

/** Something a parser had to repair or could not read; told under --verbose, never mixed into records. */
export interface ParseMessage {
  level: 'warning' | 'info';
  message: string;
}

export interface ParsedDocument {
  grids: Grid[];
  messages: ParseMessage[];
}

/** Pads rows to one width so that every consumer can index cells[r][c] safely. */
export function rectangular(rows: string[][]): string[][] {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  return rows.map((r) => (r.length === width ? r : [...r, ...Array<string>(width - r.length).fill('')]));
}
