// A text file's bytes as a string. UTF-8 with or without a byte-order mark; UTF-16 with one, which is
// what Windows Notepad writes when told to save as "Unicode" (little-endian) or "Unicode big endian";
// old Chinese text files are often GB18030/GBK, so that is tried last.
import { FilingError } from './errors.ts';

/** The UTF-16 byte order its mark declares, or null. */
export function utf16Bom(buf: Buffer): 'utf-16le' | 'utf-16be' | null {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return 'utf-16le';
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return 'utf-16be';
  return null;
}

export function decodeText(buf: Buffer): string {
  const utf16 = utf16Bom(buf);
  if (utf16) return decodeUtf16(buf, utf16);
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

function decodeUtf16(buf: Buffer, encoding: 'utf-16le' | 'utf-16be'): string {
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(buf);
  } catch {
    throw new FilingError('unsupported_format', `damaged ${encoding === 'utf-16le' ? 'UTF-16' : 'UTF-16 big-endian'} text (it does not decode)`);
  }
  // FF FE could begin a binary file too; real text has no NUL characters.
  if (text.slice(0, 4096).includes('\0')) throw new FilingError('unsupported_format', 'not a Word, Excel or Markdown file (binary data)');
  return text;
}
