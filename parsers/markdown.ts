// Markdown: the document's tables in order, each a grid, with the text lines that precede it.
// A lossy conversion writes merged cells as empty ones; there are no merges to recover here.
import type { Root, RootContent, Table, TableRow } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { rectangular, type Grid, type ParsedDocument } from './grid.ts';
import { CellBudget } from './limits.ts';
import { guardMarkdown } from './markdown-guard.ts';

const processor = unified().use(remarkParse).use(remarkGfm);

export function parseMarkdown(text: string): ParsedDocument {
  guardMarkdown(text);
  const tree = processor.parse(text) as Root;
  const grids: Grid[] = [];
  const budget = new CellBudget();
  let before: string[] = [];
  const visit = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type === 'table') {
        const locator = `table ${grids.length + 1}`;
        const rows = readTable(node);
        budget.take(rows.length * rows.reduce((w, r) => Math.max(w, r.length), 0), locator);
        grids.push({ locator, index: grids.length + 1, cells: rectangular(rows), merges: [], mergesKnown: false, before });
        before = [];
      } else if (node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem') {
        visit(node.children as RootContent[]);
      } else {
        const line = cellText(node);
        if (line.trim()) before.push(...line.split('\n').filter((l) => l.trim()));
      }
    }
  };
  visit(tree.children);
  return { grids, messages: [] };
}

// remark keeps the cells of a row beyond the header's count (the GFM spec would drop them), so a
// lossy table loses nothing here.
function readTable(table: Table): string[][] {
  return table.children.map((row) => row.children.map((cell) => cellText(cell)));
}

/**
 * A cell's text. Inline HTML a form carries (`<br>` for a line break, `<b>…</b>`) is markup: a break
 * becomes a new line and other tags go. Text that only looks like a tag (an escaped `\<img …\>`,
 * `<5%` in a target) is text, and stays.
 */
function cellText(node: RootContent | TableRow['children'][number]): string {
  if (node.type === 'html') return node.value.replace(/<br\s*\/?>/giu, '\n').replace(/<[^>]+>/gu, '');
  if (node.type === 'image') return node.alt ?? '';
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as RootContent[]).map(cellText).join('');
  return '';
}
