// File bytes → format → the parser for that format → grids. The one entry point into parsers/.
// Each parser is loaded when its first file comes: a thread that reads only Word files never loads
// SheetJS or remark, and a command that only needs FilingError loads no parser at all.
import { detect, type Format } from './detect.ts';
import { stackOverflowAsError } from './errors.ts';
import type { ParsedDocument } from './grid.ts';
import { once } from './load-once.ts';
import { decodeText } from './text.ts';

export type { Format } from './detect.ts';
export type { Grid, Merge, ParsedDocument, ParseMessage } from './grid.ts';
export { FilingError, asFilingError, type ErrorCode } from './errors.ts';

const docx = once(() => import('./docx.ts'));
const doc = once(() => import('./doc.ts'));
const workbook = once(() => import('./xlsx.ts'));
const markdown = once(() => import('./markdown.ts'));

export async function parseBytes(buf: Buffer): Promise<ParsedDocument & { format: Format }> {
  const { format, entries } = await detect(buf);
  try {
    switch (format) {
      case 'docx':
        return { format, ...(await (await docx()).parseDocx(buf, entries)) };
      case 'doc':
        return { format, ...(await doc()).parseDoc(buf) };
      case 'xlsx':
      case 'xls':
        return { format, ...(await workbook()).parseWorkbook(buf, entries) };
      case 'md':
        return { format, ...(await markdown()).parseMarkdown(decodeText(buf)) };
    }
  } catch (e) {
    throw stackOverflowAsError(e);
  }
}
