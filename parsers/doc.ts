// Word 97-2003 (.doc, and WPS Office's .wps, which is the same format), read in-process: the compound
// file's WordDocument and table streams, the FIB (doc-fib.ts), the piece table and text (doc-text.ts),
// paragraph and row properties (doc-props.ts), then tables as Word lays them out (doc-tables.ts).
// Character formatting, styles, headers, footnotes, text boxes and pictures are not read: a form's
// text and its table structure are all the form reader uses.
import { readFib } from './doc-fib.ts';
import { hugePapx, PapxIndex, paraProps } from './doc-props.ts';
import { paragraphsToGrids, type TableParagraph } from './doc-tables.ts';
import { readParagraphs, readPieces } from './doc-text.ts';
import { FilingError } from './errors.ts';
import type { ParsedDocument, ParseMessage } from './grid.ts';
import { CellBudget } from './limits.ts';
import { openCompound } from './ole.ts';

export function parseDoc(buf: Buffer): ParsedDocument {
  const ole = openCompound(buf);
  const wd = ole.stream('WordDocument');
  if (!wd) throw new FilingError('corrupt', 'damaged Word document (no WordDocument stream)');
  const fib = readFib(wd);
  const table = ole.stream(fib.tableStream);
  if (!table) throw new FilingError('corrupt', `damaged Word document (no ${fib.tableStream} stream)`);
  const pieces = readPieces(table, fib, wd.length);
  const papx = new PapxIndex(wd, table, fib);
  const data = ole.stream('Data');
  const messages: ParseMessage[] = [];
  const paragraphs: TableParagraph[] = readParagraphs(wd, pieces, fib).map((p) => {
    const props = paraProps([hugePapx(papx.at(p.markFc), data), p.pieceGrpprl]);
    return { text: p.text, mark: p.mark, depth: props.depth, rowEnd: props.rowEnd, innerRowEnd: props.innerRowEnd, row: props.row };
  });
  if (paragraphs.some((p) => p.depth >= 2)) messages.push({ level: 'info', message: 'nested tables: their text is kept in the cells that hold them' });
  return { grids: paragraphsToGrids(paragraphs, new CellBudget()), messages };
}
