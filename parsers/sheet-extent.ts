// A sheet's extent as its cells show it. The declared dimension (<dimension ref="A1:XFD1048576"/>, a
// BIFF Dimensions record) is only the writer's claim: 8 KB of XML can claim 17 billion cells, and
// sizing the grid by it took two minutes and 4 GB before dying. So the range is found from the cells
// actually present, walking a sparse sheet by its keys rather than by every index up to its end.
import * as XLSX from 'xlsx';

export const EXCEL_ROWS = 1_048_576;
export const EXCEL_COLUMNS = 16_384;

type Dense = { '!data'?: (XLSX.CellObject | undefined)[][] };

/** An array no longer than this is walked by index; a longer one (sparse, perhaps hostile) by its keys. */
const WALK_BY_INDEX = 4096;

/** The indexes an array holds, in order, without visiting every hole of a sparse one. */
function indexesOf(a: unknown[]): Iterable<number> {
  if (a.length <= WALK_BY_INDEX) return a.keys();
  return Object.keys(a).map(Number);
}

/** Calls `visit` for every cell the sheet holds, in no particular order. */
export function forEachCell(ws: XLSX.WorkSheet, visit: (r: number, c: number, cell: XLSX.CellObject) => void): void {
  const data = (ws as Dense)['!data'];
  if (data) {
    for (const r of indexesOf(data)) {
      const row = data[r];
      if (!row) continue;
      for (const c of indexesOf(row)) {
        const cell = row[c];
        if (cell) visit(r, c, cell);
      }
    }
    return;
  }
  for (const key of Object.keys(ws)) {
    if (key.startsWith('!')) continue;
    const { r, c } = XLSX.utils.decode_cell(key);
    visit(r, c, ws[key] as XLSX.CellObject);
  }
}

export interface Extent {
  range: XLSX.Range | null;
  /** Cells with a value outside Excel's grid (beyond row 1,048,576 or column XFD): damage, not content. */
  outside: number;
}

/** The smallest range holding every cell with a value. */
export function usedRange(ws: XLSX.WorkSheet): Extent {
  let range: XLSX.Range | null = null;
  let outside = 0;
  forEachCell(ws, (r, c, cell) => {
    if (cell.v == null || cell.v === '') return;
    if (!(r >= 0 && r < EXCEL_ROWS && c >= 0 && c < EXCEL_COLUMNS)) {
      outside++;
      return;
    }
    if (!range) range = { s: { r, c }, e: { r, c } };
    else {
      if (r < range.s.r) range.s.r = r;
      if (c < range.s.c) range.s.c = c;
      if (r > range.e.r) range.e.r = r;
      if (c > range.e.c) range.e.c = c;
    }
  });
  return { range, outside };
}

/**
 * The visible indexes of one axis (rows or columns) of a range, and where any stretch of the original
 * axis lands among them: a merged region maps in constant time, however many there are.
 */
export class VisibleAxis {
  readonly kept: number[] = [];
  /** For each original index from `from`, the position among `kept` of the first kept index at or after it. */
  private readonly next: Int32Array;

  private readonly from: number;
  private readonly to: number;

  constructor(from: number, to: number, hidden: (i: number) => boolean) {
    this.from = from;
    this.to = to;
    this.next = new Int32Array(to - from + 2);
    for (let i = to; i >= from; i--) {
      if (!hidden(i)) this.kept.push(i);
      this.next[i - from] = this.kept.length;
    }
    this.kept.reverse();
    for (let i = 0; i < this.next.length - 1; i++) this.next[i] = this.kept.length - this.next[i];
    this.next[this.next.length - 1] = this.kept.length;
  }

  get hiddenCount(): number {
    return this.to - this.from + 1 - this.kept.length;
  }

  /** The visible positions of original indexes a..b (clipped to the range), or null when none is visible. */
  span(a: number, b: number): [number, number] | null {
    const lo = Math.max(a, this.from);
    const hi = Math.min(b, this.to);
    if (lo > hi) return null;
    const first = this.next[lo - this.from];
    const end = this.next[hi - this.from + 1];
    return first < end ? [first, end - 1] : null;
  }
}
