// The main text of a Word 97-2003 document, through its piece table ([MS-DOC] 2.8.35, 2.9.177), cut
// into paragraphs. Each paragraph keeps the file offset of its end mark, where its properties are
// looked up (doc-props.ts). Fields keep their result and drop their code; pictures and note marks go.
import { FilingError } from './errors.ts';
import type { Fib } from './doc-fib.ts';

export interface Piece {
  cpStart: number;
  cpEnd: number;
  /** Byte offset of the piece's first character in the WordDocument stream. */
  fc: number;
  /** 8-bit text (one byte per character) rather than UTF-16. */
  compressed: boolean;
  /** The piece's property modifier (Prm): a grpprl of the Clx when it points at one. */
  grpprl: Buffer | undefined;
}

export interface DocParagraph {
  text: string;
  /** 0x0D paragraph mark, 0x07 cell or row mark (level-1 tables), 0x0C page or section break. */
  mark: number;
  /** Byte offset of the end mark in the WordDocument stream. */
  markFc: number;
  /** Property modifications the mark's piece carries (fast-saved files), or undefined. */
  pieceGrpprl: Buffer | undefined;
}

const damaged = (what: string) => new FilingError('corrupt', `damaged Word document (${what})`);

/** The piece table from the Clx: property modifiers (Prc) first, then the piece descriptors (Pcdt). */
export function readPieces(table: Buffer, fib: Fib, wdLength: number): Piece[] {
  const end = fib.fcClx + fib.lcbClx;
  if (fib.lcbClx === 0 || end > table.length) throw damaged('no piece table');
  const prcs: Buffer[] = [];
  let at = fib.fcClx;
  while (at < end && table[at] === 0x01) {
    if (at + 3 > end) throw damaged('piece table cut short');
    const cb = table.readInt16LE(at + 1);
    if (cb < 0 || at + 3 + cb > end) throw damaged('bad property modifier in the piece table');
    prcs.push(table.subarray(at + 3, at + 3 + cb));
    at += 3 + cb;
  }
  if (table[at] !== 0x02 || at + 5 > end) throw damaged('no piece table');
  const lcb = table.readUInt32LE(at + 1);
  const plc = at + 5;
  if (plc + lcb > end || lcb < 16 || (lcb - 4) % 12 !== 0) throw damaged('bad piece table');
  const n = (lcb - 4) / 12;
  const pieces: Piece[] = [];
  for (let i = 0; i < n; i++) {
    const cpStart = table.readUInt32LE(plc + i * 4);
    const cpEnd = table.readUInt32LE(plc + (i + 1) * 4);
    const pcd = plc + (n + 1) * 4 + i * 8;
    const fcRaw = table.readUInt32LE(pcd + 2);
    const prm = table.readUInt16LE(pcd + 6);
    const compressed = (fcRaw & 0x40000000) !== 0;
    const fc = compressed ? (fcRaw & 0x3fffffff) / 2 : fcRaw & 0x3fffffff;
    if (cpEnd < cpStart) throw damaged('bad piece table');
    if (fc + (cpEnd - cpStart) * (compressed ? 1 : 2) > wdLength) throw damaged('a piece of text lies outside the document');
    // Prm1 (bit 0 set) names a Prc by index; Prm0 holds one sprm from a fixed list that never sets table properties.
    const grpprl = prm & 1 ? prcs[prm >> 1] : undefined;
    pieces.push({ cpStart, cpEnd, fc, compressed, grpprl });
  }
  return pieces;
}

const CHINESE = new Set([0x0804, 0x1004, 0x0404, 0x0c04, 0x1404]);
const TRADITIONAL = new Set([0x0404, 0x0c04, 0x1404]);

/**
 * How 8-bit pieces decode. Word 97 and later keep them to Windows-1252; older Chinese writers put GBK
 * (Big5 for Traditional) there, which shows as runs of bytes two by two above 0xA0.
 */
function eightBitDecoder(fib: Fib): (bytes: Buffer) => string {
  const lid = CHINESE.has(fib.lidFE) ? fib.lidFE : CHINESE.has(fib.lid) ? fib.lid : 0;
  const latin = windows1252;
  if (!lid) return latin;
  const cjk = new TextDecoder(TRADITIONAL.has(lid) ? 'big5' : 'gbk', { fatal: true });
  return (b) => {
    if (!hasHighPair(b)) return latin(b);
    try {
      return cjk.decode(b);
    } catch {
      return latin(b);
    }
  };
}

// Windows-1252's 0x80-0x9F (curly quotes, dashes, the euro sign). Node's TextDecoder('windows-1252')
// reads these bytes as Latin-1 control characters, so they are mapped here.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function windows1252(b: Buffer): string {
  const latin1 = b.toString('latin1');
  return /[\x80-\x9f]/.test(latin1) ? latin1.replace(/[\x80-\x9f]/g, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80])) : latin1;
}

function hasHighPair(b: Buffer): boolean {
  for (let i = 0; i + 1 < b.length; i++) if (b[i] > 0xa0 && b[i + 1] > 0xa0) return true;
  return false;
}

const FIELD_BEGIN = 0x13;
const FIELD_SEPARATOR = 0x14;
const FIELD_END = 0x15;
const ENDS = new Set([0x0d, 0x07, 0x0c]);
// Kept as themselves: tab; as a line: the line break (0x0B); as a hyphen: the non-breaking one (0x1E).
// Every other control character (pictures, note references, optional hyphens, column breaks) is dropped.
const REPLACE = new Map([
  [0x09, '\t'],
  [0x0b, '\n'],
  [0x1e, '-'],
]);

/** The main document's paragraphs, in order. A paragraph left open at the end of the text is dropped. */
export function readParagraphs(wd: Buffer, pieces: Piece[], fib: Fib): DocParagraph[] {
  const decode8 = eightBitDecoder(fib);
  const paragraphs: DocParagraph[] = [];
  // Each open field: true once its separator has passed (its result is showing), false in its code.
  const fields: boolean[] = [];
  let text = '';
  const inCode = () => fields.length > 0 && fields.some((showing) => !showing);
  for (const piece of pieces) {
    const last = Math.min(piece.cpEnd, fib.ccpText);
    if (last <= piece.cpStart) continue;
    const count = last - piece.cpStart;
    const width = piece.compressed ? 1 : 2;
    const unit = piece.compressed ? (i: number) => wd[piece.fc + i] : (i: number) => wd.readUInt16LE(piece.fc + i * 2);
    const decodeRun = (from: number, to: number) => {
      if (to <= from || inCode()) return;
      const bytes = wd.subarray(piece.fc + from * width, piece.fc + to * width);
      text += piece.compressed ? decode8(bytes) : bytes.toString('utf16le');
    };
    let runStart = 0;
    for (let i = 0; i < count; i++) {
      const u = unit(i);
      if (u >= 0x20) continue;
      decodeRun(runStart, i);
      runStart = i + 1;
      if (ENDS.has(u)) {
        paragraphs.push({ text, mark: u, markFc: piece.fc + i * width, pieceGrpprl: piece.grpprl });
        text = '';
      } else if (u === FIELD_BEGIN) {
        // Nesting is bounded by the text itself (one character per level), so no field stack outgrows the file.
        fields.push(false);
      } else if (u === FIELD_SEPARATOR) {
        if (fields.length) fields[fields.length - 1] = true;
      } else if (u === FIELD_END) {
        fields.pop();
      } else if (!inCode()) {
        text += REPLACE.get(u) ?? '';
      }
    }
    decodeRun(runStart, count);
  }
  return paragraphs;
}
