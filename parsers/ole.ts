// An OLE compound file (the container of .doc, .xls, .wps and .et) opened with SheetJS's CFB reader,
// which the xlsx package carries. Only the streams' names and bytes leave this module.
import * as XLSX from 'xlsx';
import { FilingError } from './errors.ts';

interface CfbEntry {
  name: string;
  type: number;
  content?: Uint8Array | number[];
}
interface CfbContainer {
  FullPaths: string[];
  FileIndex: CfbEntry[];
}

export interface Compound {
  /** Stream names (the last part of each path), as stored. */
  names: string[];
  has(name: string): boolean;
  /** A stream's bytes, or undefined when there is none by that name (case-insensitive, as Office does). */
  stream(name: string): Buffer | undefined;
}

const CFB = (XLSX as unknown as { CFB: { read(buf: Buffer, opts: { type: 'buffer' }): CfbContainer } }).CFB;

// Format detection opens the container to see which streams it holds, and the parser opens it again to
// read them: the second open of the same bytes is the first one's result.
const opened = new WeakMap<Buffer, Compound>();

export function openCompound(buf: Buffer): Compound {
  const known = opened.get(buf);
  if (known) return known;
  const compound = readCompound(buf);
  opened.set(buf, compound);
  return compound;
}

function readCompound(buf: Buffer): Compound {
  let cfb: CfbContainer;
  try {
    cfb = CFB.read(buf, { type: 'buffer' });
  } catch {
    throw new FilingError('corrupt', 'damaged or truncated Office file (bad compound-file structure)');
  }
  const byName = new Map<string, { entry: CfbEntry; depth: number }>();
  const names: string[] = [];
  cfb.FileIndex.forEach((entry, i) => {
    const parts = (cfb.FullPaths[i] ?? '').replace(/\/$/, '').split('/');
    const name = parts[parts.length - 1] ?? '';
    names.push(name);
    // The document's own stream is the one nearest the root: an embedded object may hold another by the same name.
    const key = name.toLowerCase();
    const known = byName.get(key);
    if (entry.type === 2 && (!known || parts.length < known.depth)) byName.set(key, { entry, depth: parts.length });
  });
  return {
    names,
    has: (name) => names.some((n) => n.toLowerCase() === name.toLowerCase()),
    stream: (name) => {
      const content = byName.get(name.toLowerCase())?.entry.content;
      if (!content) return undefined;
      return Buffer.isBuffer(content) ? content : Buffer.from(content as Uint8Array);
    },
  };
}
