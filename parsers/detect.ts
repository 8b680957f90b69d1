// The format comes from the bytes, never from the name: a workbook renamed .docx is still a workbook.
import { FilingError } from './errors.ts';
import { limits, mib, tooLarge } from './limits.ts';
import { once } from './load-once.ts';
import { utf16Bom } from './text.ts';
import { listZip, type ZipEntry } from './zip.ts';

export type Format = 'docx' | 'doc' | 'xlsx' | 'xls' | 'md';

const startsWith = (buf: Buffer, bytes: number[]) => bytes.every((b, i) => buf[i] === b);

const SIGNATURES: [number[], string][] = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x42, 0x4d], 'a BMP image'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x52, 0x61, 0x72, 0x21], 'a RAR archive'],
  [[0x37, 0x7a, 0xbc, 0xaf], 'a 7-Zip archive'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], 'an RTF document'],
];

export async function detectFormat(buf: Buffer): Promise<Format> {
  return (await detect(buf)).format;
}

export interface Detected {
  format: Format;
  /** An archive's directory, listed once here for the parser that opens it. */
  entries?: ZipEntry[];
}

export async function detect(buf: Buffer): Promise<Detected> {
  if (buf.length === 0) throw new FilingError('empty_file', 'empty file');
  if (buf.length > limits.maxFileBytes) throw tooLarge(buf.length);
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04]) || startsWith(buf, [0x50, 0x4b, 0x05, 0x06])) return zipFormat(buf);
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { format: await oleFormat(buf) };
  for (const [sig, what] of SIGNATURES) {
    if (startsWith(buf, sig)) throw new FilingError('unsupported_format', `not a Word, Excel or Markdown file (${what})`);
  }
  // UTF-16 text (Notepad's "Unicode") is half NUL bytes; its byte-order mark says what it is.
  if (utf16Bom(buf)) return { format: 'md' };
  if (buf.subarray(0, 8192).includes(0)) {
    throw new FilingError('unsupported_format', 'not a Word, Excel or Markdown file (binary data)');
  }
  return { format: 'md' };
}

function zipFormat(buf: Buffer): Detected {
  const entries = listZip(buf);
  const expanded = entries.reduce((n, e) => n + e.uncompressedSize, 0);
  const bomb = entries.find((e) => e.uncompressedSize > limits.maxRatio * Math.max(e.compressedSize, 1024));
  if (expanded > limits.maxExpandedBytes || bomb) {
    throw new FilingError(
      'zip_bomb',
      `archive would expand to ${mib(expanded)}${bomb ? ` (${bomb.name} compressed ${Math.round(bomb.uncompressedSize / Math.max(bomb.compressedSize, 1))}:1)` : ''}; refused as a zip bomb (limit ${mib(limits.maxExpandedBytes)})`,
    );
  }
  // One part is read into memory whole and handed to a library that needs many times its size;
  // pictures and embedded files are never read, so they may be as large as the file allows.
  const big = entries.find((e) => e.uncompressedSize > limits.maxPartBytes && !/(^|\/)(media|embeddings)\//.test(e.name));
  if (big) {
    throw new FilingError('too_large', `${big.name} too large (${mib(big.uncompressedSize)} unpacked; the limit is ${mib(limits.maxPartBytes)})`);
  }
  const names = new Set(entries.map((e) => e.name));
  if (names.has('word/document.xml')) return { format: 'docx', entries };
  if (names.has('xl/workbook.xml') || names.has('xl/workbook.bin')) return { format: 'xlsx', entries };
  if ([...names].some((n) => n.startsWith('ppt/'))) {
    throw new FilingError('unsupported_format', 'a PowerPoint presentation, not a Word, Excel or Markdown file');
  }
  throw new FilingError('unsupported_format', 'a zip archive that is not a Word or Excel document');
}

// The compound-file reader is SheetJS's (about 60 ms to load): only an OLE file loads it.
const ole = once(() => import('./ole.ts'));

async function oleFormat(buf: Buffer): Promise<Format> {
  const { openCompound } = await ole();
  const { has } = openCompound(buf);
  if (has('EncryptionInfo') || has('EncryptedPackage')) {
    throw new FilingError('encrypted', 'password-protected (encrypted) file; save an unprotected copy and import that');
  }
  if (has('Workbook') || has('Book')) return 'xls';
  // Word 97-2003 .doc, and WPS Office's .wps, which is the same format.
  if (has('WordDocument')) return 'doc';
  throw new FilingError('unsupported_format', 'an Office compound file that is neither a workbook nor a Word document');
}

