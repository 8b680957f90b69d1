// Markdown: the document's tables in order, each a grid, with the text lines that precede it.
// A lossy conversion writes merged cells as empty ones; there are no merges to recover here.
import type { Root, RootContent, Table, TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { rectangular, type Grid, type ParsedDocument, type ParseMessage } from './grid.ts';

const processor = unified().use(remarkParse).use(remarkGfm);

export function parseMarkdown(text: string): ParsedDocument {
  const tree = processor.parse(text) as Root;
  const grids: Grid[] = [];
  const messages: ParseMessage[] = [];
  let before: string[] = [];
  const visit = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type === 'table') {
        const locator = `table ${grids.length + 1}`;
        grids.push({ locator, cells: rectangular(readTable(node, text, locator, messages)), merges: [], before });
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
  return { grids, messages };
}

function readTable(table: Table, source: string, locator: string, messages: ParseMessage[]): string[][] {
  return table.children.map((row, r) => {
    const cells = row.children.map((cell) => cellText(cell));
    // GFM drops the cells of a row beyond the header's count; a lossy table must not lose them.
    const raw = splitRow(lineOf(row, source));
    if (raw.length > cells.length) {
      messages.push({ level: 'warning', message: `${locator}: row ${r + 1} has ${raw.length} cells, more than its header; kept them` });
      cells.push(...raw.slice(cells.length));
    }
    return cells;
  });
}

function cellText(node: RootContent | TableRow['children'][number]): string {
  return toString(node, { includeHtml: true }).replace(/<br\s*\/?>/giu, '\n').replace(/<[^>]+>/gu, '');
}

function lineOf(row: TableRow, source: string): string {
  const { start, end } = row.position ?? {};
  return start?.offset != null && end?.offset != null ? source.slice(start.offset, end.offset) : '';
}

/** Splits a pipe-table row the way GFM does (escaped pipes stay), without the header's width limit. */
function splitRow(line: string): string[] {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  const cells: string[] = [];
  let cur = '';
  let code = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '\\' && s[i + 1] === '|') {
      cur += '|';
      i++;
    } else if (ch === '`') {
      code = !code;
      cur += ch;
    } else if (ch === '|' && !code) {
      cells.push(cur);
      cur = '';
    } else cur += ch;
  }
  cells.push(cur);
  return cells.map((c) => c.trim().replace(/<br\s*\/?>/giu, '\n').replace(/[*_`]/gu, ''));
}
