// File bytes → format → the parser for that format → grids. The one entry point into parsers/.
import { detectFormat, type Format } from './detect.ts';
import { parseDocx } from './docx.ts';
import { stackOverflowAsError } from './errors.ts';
import type { ParsedDocument } from './grid.ts';
import { parseMarkdown } from './markdown.ts';
import { decodeText } from './text.ts';
import { parseWorkbook } from './xlsx.ts';

export type { Format } from './detect.ts';
export type { Grid, Merge, ParsedDocument, ParseMessage } from './grid.ts';
export { FilingError, asFilingError, type ErrorCode } from './errors.ts';

export async function parseBytes(buf: Buffer): Promise<ParsedDocument & { format: Format }> {
  const format = detectFormat(buf);
  try {
    switch (format) {
      case 'docx':
        return { format, ...(await parseDocx(buf)) };
      case 'xlsx':
      case 'xls':
        return { format, ...parseWorkbook(buf) };
      case 'md':
        return { format, ...parseMarkdown(decodeText(buf)) };
    }
  } catch (e) {
    throw stackOverflowAsError(e);
  }
}
