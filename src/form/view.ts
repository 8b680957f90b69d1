// The form reader's working view of a grid: normalised texts, merge origins, and a ledger of which
// cells were placed, so that whatever is left ends in `unmapped` and nothing is dropped silently.
import type { TextGrid } from './texts.ts';

export interface Cell {
  r: number;
  c: number;
  /** Last column the cell covers (merged across). */
  c1: number;
  text: string;
  key: string;
}

export class FormView {
  readonly height: number;
  readonly width: number;
  private readonly texts: readonly (readonly string[])[];
  private readonly keys: readonly (readonly string[])[];
  // Per cell, row-major: for a cell inside a merged region (not its top-left), the region's origin
  // row, else -1; and the last column a region's top-left cell covers.
  private readonly coveredFrom: Int32Array;
  private readonly spanEnd: Int32Array;
  /** Placed cells, one byte per cell (a Set of numbers cost the reader a tenth of its time). */
  private readonly used: Uint8Array;
  private readonly rows: Cell[][] = [];
  private readonly filledRows: Cell[][] = [];

  readonly grid: TextGrid;

  constructor(grid: TextGrid) {
    this.grid = grid;
    this.height = grid.cells.length;
    this.width = grid.cells[0]?.length ?? 0;
    this.used = new Uint8Array(this.height * this.width);
    this.texts = grid.text;
    this.keys = grid.key;
    const w = this.width;
    this.coveredFrom = new Int32Array(this.height * w).fill(-1);
    this.spanEnd = new Int32Array(this.height * w);
    for (let i = 0; i < this.spanEnd.length; i++) this.spanEnd[i] = i % w;
    for (const m of grid.merges) {
      for (let r = m.r0; r <= Math.min(m.r1, this.height - 1); r++) {
        for (let c = m.c0; c <= Math.min(m.c1, w - 1); c++) {
          if (r !== m.r0 || c !== m.c0) this.coveredFrom[r * w + c] = m.r0;
        }
      }
      if (m.r0 < this.height && m.c0 < w) this.spanEnd[m.r0 * w + m.c0] = Math.min(m.c1, w - 1);
    }
  }

  text(r: number, c: number): string {
    return this.texts[r]?.[c] ?? '';
  }

  /** A cell that a merged region starting in an earlier row reaches down into. */
  coveredFromAbove(r: number, c: number): boolean {
    return this.inside(r, c) && this.isCovered(r, c) && this.coveredFrom[r * this.width + c] < r;
  }

  /** Inside a merged region, not its top-left cell. */
  private isCovered(r: number, c: number): boolean {
    return this.coveredFrom[r * this.width + c] !== -1;
  }

  /** The cells that begin in row r (a merged region counts once, at its top-left), blank ones included. */
  row(r: number): Cell[] {
    return (this.rows[r] ??= this.buildRow(r));
  }

  /** The cells of row r that hold text (what row(r) gives, blanks left out). Shared: not to be changed. */
  filled(r: number): Cell[] {
    let out = this.filledRows[r];
    if (!out) {
      out = [];
      for (const cell of this.row(r)) if (cell.text) out.push(cell);
      this.filledRows[r] = out;
    }
    return out;
  }

  private buildRow(r: number): Cell[] {
    const out: Cell[] = [];
    const texts = this.texts[r];
    const keys = this.keys[r];
    for (let c = 0; c < this.width; c++) {
      if (this.isCovered(r, c)) continue;
      out.push({ r, c, c1: this.spanEnd[r * this.width + c], text: texts[c], key: keys[c] });
    }
    return out;
  }

  /** The next cell right of `cell` in its row. */
  right(cell: Cell): Cell | undefined {
    return this.row(cell.r).find((x) => x.c > cell.c1);
  }

  /** The cell that begins directly below `cell` (same first column), if any. */
  below(cell: Cell): Cell | undefined {
    for (let r = cell.r + 1; r < this.height; r++) {
      if (this.isCovered(r, cell.c)) continue;
      return this.row(r).find((x) => x.c === cell.c);
    }
    return undefined;
  }

  use(cell: { r: number; c: number } | undefined): void {
    if (cell && this.inside(cell.r, cell.c)) this.used[cell.r * this.width + cell.c] = 1;
  }

  isUsed(cell: { r: number; c: number }): boolean {
    return this.inside(cell.r, cell.c) && this.used[cell.r * this.width + cell.c] === 1;
  }

  private inside(r: number, c: number): boolean {
    return r >= 0 && r < this.height && c >= 0 && c < this.width;
  }

  unmapped(rowOffset = 0): { row: number; col: number; text: string }[] {
    const out: { row: number; col: number; text: string }[] = [];
    for (let r = 0; r < this.height; r++) {
      for (const cell of this.row(r)) {
        if (cell.text && !this.isUsed(cell)) out.push({ row: r + rowOffset, col: cell.c, text: cell.text });
      }
    }
    return out;
  }
}
