// File bytes → format → the parser for that format → grids. The one entry point into parsers/.
import { detectFormat, type Format } from './detect.ts';
import { parseDocx } from './docx.ts';
import { FilingError } from './errors.ts';
import type { ParsedDocument } from './grid.ts';
import { parseMarkdown } from './markdown.ts';
import { parseWorkbook } from './xlsx.ts';

export type { Format } from './detect.ts';
export type { Grid, Merge, ParsedDocument, ParseMessage } from './grid.ts';
export { FilingError, asFilingError, type ErrorCode } from './errors.ts';

export async function parseBytes(buf: Buffer): Promise<ParsedDocument & { format: Format }> {
  const format = detectFormat(buf);
  switch (format) {
    case 'docx':
      return { format, ...(await parseDocx(buf)) };
    case 'xlsx':
    case 'xls':
      return { format, ...parseWorkbook(buf) };
    case 'md':
      return { format, ...parseMarkdown(decodeText(buf)) };
  }
}

/** UTF-8 (with or without BOM); old Chinese text files are often GB18030/GBK, so that is tried next. */
function decodeText(buf: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buf);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(buf);
    } catch {
      throw new FilingError('unsupported_format', 'text in an unknown encoding (neither UTF-8 nor GBK)');
    }
  }
}
