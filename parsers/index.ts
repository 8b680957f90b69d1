// File bytes → format → the parser for that format → grids. The one entry point into parsers/.
// Each parser is loaded when its first file comes: a thread that reads only Word files never loads
// SheetJS or remark, and a command that only needs FilingError loads no parser at all.
import { detectFormat, type Format } from './detect.ts';
import { stackOverflowAsError } from './errors.ts';
import type { ParsedDocument } from './grid.ts';
import { decodeText } from './text.ts';

export type { Format } from './detect.ts';
export type { Grid, Merge, ParsedDocument, ParseMessage } from './grid.ts';
export { FilingError, asFilingError, type ErrorCode } from './errors.ts';

export async function parseBytes(buf: Buffer): Promise<ParsedDocument & { format: Format }> {
  const format = detectFormat(buf);
  try {
    switch (format) {
      case 'docx':
        return { format, ...(await (await import('./docx.ts')).parseDocx(buf)) };
      case 'xlsx':
      case 'xls':
        return { format, ...(await import('./xlsx.ts')).parseWorkbook(buf) };
      case 'md':
        return { format, ...(await import('./markdown.ts')).parseMarkdown(decodeText(buf)) };
    }
  } catch (e) {
    throw stackOverflowAsError(e);
  }
}
