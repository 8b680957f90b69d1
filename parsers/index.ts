// File bytes → format → the parser for that format → grids. The one entry point into parsers/.
import { detectFormat, utf16Bom, type Format } from './detect.ts';
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

/**
 * UTF-16 by its byte-order mark; else UTF-8 (with or without BOM); old Chinese text files are often
 * GB18030/GBK, so that is tried next.
 */
function decodeText(buf: Buffer): string {
  const utf16 = utf16Bom(buf);
  if (utf16) {
    try {
      return new TextDecoder(utf16, { fatal: true }).decode(buf);
    } catch {
      throw new FilingError('corrupt', `damaged ${utf16 === 'utf-16le' ? 'UTF-16' : 'UTF-16 big-endian'} text (an odd byte or a broken character)`);
    }
  }
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
