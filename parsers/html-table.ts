// An HTML table (as mammoth writes it) to a grid: colspan and rowspan become merged regions.
// Spans come from the file: they are bounded, and the table's size is reserved in the file's cell
// budget, before the cells they cover are marked or the rectangle is allocated.
import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import type { Merge } from './grid.ts';
import { limits, tableTooLarge, type CellBudget } from './limits.ts';

export function htmlTableToGrid($: CheerioAPI, table: Element, where: string, budget: CellBudget): { cells: string[][]; merges: Merge[] } {
  const rows = $(table).children('thead, tbody, tfoot').children('tr').add($(table).children('tr')).toArray();
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
    for (const td of $(tr).children('td, th').toArray()) {
      while (isTaken(r, c)) c++;
      const colspan = Math.max(1, Math.min(Number($(td).attr('colspan')) || 1, limits.sheetColumns));
      const rowspan = Math.max(1, Math.min(Number($(td).attr('rowspan')) || 1, rows.length - r));
      covered += colspan * rowspan;
      if (covered > limits.maxCells) throw tableTooLarge(where, covered);
      cells[r][c] = cellText($, td);
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

/** A cell's paragraphs joined by line breaks; a nested table's text is kept, not lost. */
function cellText($: CheerioAPI, td: Element): string {
  const blocks = $(td).find('p, li, h1, h2, h3, h4, h5, h6').toArray();
  if (blocks.length === 0) return $(td).text();
  return blocks.map((b) => $(b).text()).join('\n');
}
