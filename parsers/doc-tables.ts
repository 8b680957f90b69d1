// Paragraphs with their table properties to grids, laid out as Word lays out its own: the columns are
// every cell boundary any row has, a cell spans the columns between its boundaries, and cells marked
// as continuing a vertical merge join the cell above. The paragraphs between tables become the next
// table's `before` lines; a nested table's text stays in the cell that holds it, as in .docx.
import type { RowDef } from './doc-props.ts';
import type { Grid, Merge } from './grid.ts';
import type { CellBudget } from './limits.ts';

export interface TableParagraph {
  text: string;
  mark: number;
  depth: number;
  rowEnd: boolean;
  innerRowEnd: boolean;
  row: RowDef | undefined;
}

interface Row {
  texts: string[];
  def: RowDef | undefined;
}

const CELL_MARK = 0x07;
/** Boundaries this close (in twips, 1/1440 inch) are one: writers round widths differently from row to row. */
const SNAP_TWIPS = 10;

export function paragraphsToGrids(paragraphs: TableParagraph[], budget: CellBudget): Grid[] {
  const grids: Grid[] = [];
  let before: string[] = [];
  let rows: Row[] = [];
  let cells: string[] = [];
  let lines: string[] = [];
  const flush = () => {
    if (lines.length) cells.push(lines.join('\n'));
    if (cells.length) rows.push({ texts: cells, def: undefined });
    if (rows.length) {
      const index = grids.length + 1;
      const locator = `table ${index}`;
      grids.push({ locator, index, ...rowsToGrid(rows, locator, budget), mergesKnown: true, before });
      before = [];
    }
    rows = [];
    cells = [];
    lines = [];
  };
  for (const p of paragraphs) {
    if (p.depth === 0) {
      if (rows.length || cells.length || lines.length) flush();
      const line = p.text.trim();
      if (line) before.push(line);
    } else if (p.depth >= 2) {
      if (!p.innerRowEnd) lines.push(p.text);
    } else if (p.rowEnd) {
      if (lines.length) cells.push(lines.join('\n'));
      rows.push({ texts: cells, def: p.row });
      cells = [];
      lines = [];
    } else {
      lines.push(p.text);
      if (p.mark === CELL_MARK) {
        cells.push(lines.join('\n'));
        lines = [];
      }
    }
  }
  flush();
  return grids;
}

interface Placed {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
  text: string;
}

function rowsToGrid(rows: Row[], where: string, budget: CellBudget): { cells: string[][]; merges: Merge[] } {
  // A row without its own layout (cut short, or written by a lax writer) takes the last one seen.
  let last: RowDef | undefined;
  const defs = rows.map((row) => (last = row.def ?? last));
  const bounds = rows.map((row, r) => boundaries(row.texts.length, defs[r]));
  const columns = snap(bounds.flat());
  const column = (x: number) => {
    let lo = 0;
    let hi = columns.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (columns[mid] <= x + SNAP_TWIPS) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const width = Math.max(1, columns.length - 1);
  budget.take(rows.length * width, where);
  const placed: Placed[] = [];
  let open = new Map<number, Placed>();
  rows.forEach((row, r) => {
    const def = defs[r];
    const next = new Map<number, Placed>();
    let previous: Placed | undefined;
    row.texts.forEach((text, i) => {
      const tc = def?.cells[i];
      let c0 = column(bounds[r][i]);
      const c1 = Math.min(column(bounds[r][i + 1]) - 1, width - 1);
      if (previous && c0 <= previous.c1) c0 = previous.c1 + 1;
      // Word 97's horizontal merge, and cells with no width left: their text joins the cell before.
      if (previous && (tc?.merged || c1 < c0)) {
        if (text.trim()) previous.text += `\n${text}`;
        if (c1 > previous.c1 && previous.r0 === r) previous.c1 = c1;
        return;
      }
      if (c1 < c0) return;
      const above = open.get(c0);
      if (tc?.vertMerge && !tc.vertRestart && above && above.c1 === c1) {
        above.r1 = r;
        if (text.trim()) above.text += `\n${text}`;
        next.set(c0, above);
        previous = above;
        return;
      }
      const cell: Placed = { r0: r, r1: r, c0, c1, text };
      placed.push(cell);
      if (tc?.vertMerge) next.set(c0, cell);
      previous = cell;
    });
    open = next;
  });
  const cells = rows.map(() => Array<string>(width).fill(''));
  const merges: Merge[] = [];
  for (const p of placed) {
    cells[p.r0][p.c0] = p.text;
    if (p.r1 > p.r0 || p.c1 > p.c0) merges.push({ r0: p.r0, c0: p.c0, r1: p.r1, c1: p.c1 });
  }
  return { cells, merges };
}

/** A row's cell boundaries: its layout's, extended by equal steps for cells beyond it. */
function boundaries(cells: number, def: RowDef | undefined): number[] {
  const xs = def ? def.centers.slice(0, cells + 1) : [0];
  const step = xs.length > 1 ? Math.max(1, Math.round((xs[xs.length - 1] - xs[0]) / (xs.length - 1))) : 1440;
  while (xs.length < cells + 1) xs.push(xs[xs.length - 1] + step);
  // Boundaries run left to right; a hostile layout that runs back is taken as it would be drawn.
  for (let i = 1; i < xs.length; i++) if (xs[i] < xs[i - 1]) xs[i] = xs[i - 1];
  return xs;
}

/** Distinct boundaries, left to right, with near ones taken as one. */
function snap(xs: number[]): number[] {
  const sorted = [...new Set(xs)].sort((a, b) => a - b);
  const out: number[] = [];
  for (const x of sorted) if (out.length === 0 || x - out[out.length - 1] > SNAP_TWIPS) out.push(x);
  return out;
}
