// An HTML table (as mammoth writes it) to a grid: colspan and rowspan become merged regions.
// Spans come from the file: they are bounded, and the table's size is reserved in the file's cell
// budget, before the cells they cover are marked or the rectangle is allocated.
// It walks the DOM (domhandler's nodes, which cheerio loads) itself: a CSS selector per row and per
// cell was a tenth of reading a Word file.
import type { AnyNode, Element } from 'domhandler';
import type { Merge } from './grid.ts';
import { limits, tableTooLarge, type CellBudget } from './limits.ts';

export function htmlTableToGrid(table: Element, where: string, budget: CellBudget): { cells: string[][]; merges: Merge[] } {
  // The table's rows and its sections' rows, in document order.
  const rows = childElements(table, ROW_PARENTS).flatMap((e) => (e.name === 'tr' ? [e] : childElements(e, ROW)));
  const cells: string[][] = [];
  const merges: Merge[] = [];
  const taken: boolean[][] = [];
  const isTaken = (r: number, c: number) => taken[r]?.[c] === true;
  const take = (r: number, c: number) => ((taken[r] ??= [])[c] = true);
  // Overlapping spans could mark more than rows × width, so the marking itself is what is counted.
  let covered = 0;
  rows.forEach((tr, r) => {
    cells[r] ??= [];
    let c = 0;
    for (const td of childElements(tr, CELL)) {
      while (isTaken(r, c)) c++;
      const colspan = Math.max(1, Math.min(Number(td.attribs.colspan) || 1, limits.sheetColumns));
      const rowspan = Math.max(1, Math.min(Number(td.attribs.rowspan) || 1, rows.length - r));
      covered += colspan * rowspan;
      if (covered > limits.maxCells) throw tableTooLarge(where, covered);
      cells[r][c] = cellText(td);
      for (let dr = 0; dr < rowspan; dr++) for (let dc = 0; dc < colspan; dc++) take(r + dr, c + dc);
      if (colspan > 1 || rowspan > 1) merges.push({ r0: r, c0: c, r1: r + rowspan - 1, c1: c + colspan - 1 });
      c += colspan;
    }
  });
  // A loop, not Math.max(...rows): spreading a long table's rows overflows the call stack.
  let width = 0;
  for (const row of taken) width = Math.max(width, row?.length ?? 0);
  for (const row of cells) width = Math.max(width, row.length);
  budget.take(rows.length * width, where);
  const grid = rows.map((_, r) => Array.from({ length: width }, (_, c) => cells[r]?.[c] ?? ''));
  return { cells: grid, merges };
}

const ROW = new Set(['tr']);
const ROW_PARENTS = new Set(['thead', 'tbody', 'tfoot', 'tr']);
const CELL = new Set(['td', 'th']);
const BLOCKS = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

const isElement = (n: AnyNode): n is Element => n.type === 'tag' || n.type === 'script' || n.type === 'style';

function childElements(parent: Element, names: Set<string>): Element[] {
  return parent.children.filter((n): n is Element => isElement(n) && names.has(n.name));
}

/** A cell's paragraphs joined by line breaks; a nested table's text is kept, not lost. */
function cellText(td: Element): string {
  // As $(td).find('p, li, h1, …'): every such element below the cell, in document order, nested ones too.
  const blocks: Element[] = [];
  const collect = (n: Element) => {
    for (const child of n.children) {
      if (!isElement(child)) continue;
      if (BLOCKS.has(child.name)) blocks.push(child);
      collect(child);
    }
  };
  collect(td);
  if (blocks.length === 0) return textOf(td);
  return blocks.map(textOf).join('\n');
}

/** What cheerio's .text() gives: the text of every text node below, in order. */
function textOf(node: AnyNode): string {
  if (node.type === 'text') return node.data;
  if (!('children' in node)) return '';
  let s = '';
  for (const child of node.children) s += textOf(child);
  return s;
}
