// Reads a zip's central directory without inflating anything, so that format detection and the
// zip-bomb check cost almost nothing and happen before any library expands the archive; and reads
// single entries with zlib (native), which is several times faster than a JavaScript inflater.
import zlib from 'node:zlib';
import { FilingError } from './errors.ts';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeader: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function listZip(buf: Buffer): ZipEntry[] {
  // The end-of-central-directory record sits in the last 22 + 65535 (comment) bytes.
  const from = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= from; i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new FilingError('corrupt', 'damaged or truncated zip archive (no central directory)');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) {
      throw new FilingError('corrupt', 'damaged or truncated zip archive (bad central directory)');
    }
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    entries.push({
      name: buf.toString('utf8', at + 46, at + 46 + nameLen),
      method: buf.readUInt16LE(at + 10),
      compressedSize: buf.readUInt32LE(at + 20),
      uncompressedSize: buf.readUInt32LE(at + 24),
      localHeader: buf.readUInt32LE(at + 42),
    });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

export interface ZipReader {
  has(name: string): boolean;
  read(name: string): Buffer;
}

/** Entries by name; an entry inflates to at most the size it declared (the bomb check trusted it). */
export function openZip(buf: Buffer, entries = listZip(buf)): ZipReader {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const locate = (name: string) => {
    const e = byName.get(name);
    if (!e) throw new FilingError('corrupt', `damaged archive (no ${name})`);
    if (e.localHeader + 30 > buf.length || buf.readUInt32LE(e.localHeader) !== LOCAL) {
      throw new FilingError('corrupt', `damaged or truncated zip archive (${name})`);
    }
    const start = e.localHeader + 30 + buf.readUInt16LE(e.localHeader + 26) + buf.readUInt16LE(e.localHeader + 28);
    return { e, data: buf.subarray(start, start + e.compressedSize) };
  };
  const inflate = (name: string, e: ZipEntry, data: Buffer, opts: zlib.ZlibOptions) => {
    try {
      if (e.method === 0) return Buffer.from(data);
      if (e.method === 8) return zlib.inflateRawSync(data, opts);
    } catch (err) {
      throw new FilingError('corrupt', `damaged zip entry ${name} (${(err as Error).message})`);
    }
    throw new FilingError('unsupported_format', `zip entry ${name} uses compression method ${e.method}`);
  };
  return {
    has: (name) => byName.has(name),
    read(name) {
      const { e, data } = locate(name);
      return inflate(name, e, data, { maxOutputLength: Math.max(e.uncompressedSize, 1) });
    },
  };
}
