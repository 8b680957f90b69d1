// A Word document's structure is bounded before mammoth reads it, in one linear pass over the XML.
// A cell may claim to span 100,000,000 grid columns, or a row to start 50,000,000 columns in: Word lays
// the table out in its declared grid (w:tblGrid) and shows nothing odd, but mammoth and the grid
// builder would allocate every column. Such values are clamped to the table's grid. And mammoth
// holds several KB per paragraph and per cell, so a document of millions of empty ones is refused
// here rather than run out of memory there.
import { FilingError } from './errors.ts';
import type { ParseMessage } from './grid.ts';
import { limits, thousands } from './limits.ts';

const TOKEN = /<w:tbl[\s>]|<\/w:tbl>|<w:gridCol[\s/>]|<w:tc[\s>]|<w:p[\s/>]|<w:(gridSpan|gridBefore|gridAfter)\b([^>]*)>/g;
const VAL = /(\bw:val\s*=\s*["'])([^"']*)(["'])/;

interface OpenTable {
  number: number;
  gridColumns: number;
  clamped: number;
  largest: number;
}

export function guardDocumentXml(xml: string): { xml: string; changed: boolean; messages: ParseMessage[] } {
  const messages: ParseMessage[] = [];
  const open: OpenTable[] = [];
  let tables = 0;
  let cells = 0;
  let paragraphs = 0;
  let clamped = false;
  const closeTable = (t: OpenTable) => {
    if (!t.clamped) return;
    const grid = t.gridColumns ? `its ${t.gridColumns} grid columns` : 'a table without a declared grid';
    messages.push({
      level: 'warning',
      message: `table ${t.number}: ${t.clamped} cell span(s) or row offset(s) of up to ${thousands(t.largest)} columns, beyond ${grid}; clamped to ${capOf(t)}`,
    });
  };
  const out = xml.replace(TOKEN, (token, element: string | undefined, attributes: string | undefined) => {
    if (element === undefined) {
      if (token.startsWith('<w:tbl')) open.push({ number: ++tables, gridColumns: 0, clamped: 0, largest: 0 });
      else if (token === '</w:tbl>') {
        const t = open.pop();
        if (t) closeTable(t);
      } else if (token.startsWith('<w:gridCol')) {
        if (open.length) open[open.length - 1].gridColumns++;
      } else if (token.startsWith('<w:tc')) cells++;
      else paragraphs++;
      return token;
    }
    const value = VAL.exec(attributes ?? '');
    const span = value ? Number(value[2]) : NaN;
    const table = open.at(-1);
    const cap = table ? capOf(table) : limits.defaultGridColumns;
    if (!(span > cap)) return token;
    clamped = true;
    if (table) {
      table.clamped++;
      table.largest = Math.max(table.largest, span);
    }
    return token.replace(VAL, `$1${cap}$3`);
  });
  // A table left open (damaged XML) still reports what was clamped in it.
  for (const t of open.reverse()) closeTable(t);
  if (tables > limits.maxTables) throw new FilingError('too_large', `too many tables (${thousands(tables)}; the limit is ${thousands(limits.maxTables)})`);
  if (cells > limits.maxCells) throw new FilingError('too_large', `too many table cells (${thousands(cells)}; the limit is ${thousands(limits.maxCells)})`);
  const maxParagraphs = 2 * limits.maxCells;
  if (paragraphs > maxParagraphs) throw new FilingError('too_large', `too many paragraphs (${thousands(paragraphs)}; the limit is ${thousands(maxParagraphs)})`);
  return { xml: clamped ? out : xml, changed: clamped, messages };
}

const capOf = (t: OpenTable) => t.gridColumns || limits.defaultGridColumns;
