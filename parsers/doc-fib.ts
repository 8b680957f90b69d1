// The File Information Block at the start of a Word 97-2003 WordDocument stream ([MS-DOC] 2.5.1):
// which table stream to use, how long the main text is, and where the piece table and the
// paragraph-property index lie. Everything else in it is not needed to read tables.
import { FilingError } from './errors.ts';

export interface Fib {
  nFib: number;
  /** The table stream's name: 1Table or 0Table. */
  tableStream: '0Table' | '1Table';
  /** Characters of main-document text (headers, footnotes and text boxes follow it). */
  ccpText: number;
  fcClx: number;
  lcbClx: number;
  fcPlcfBtePapx: number;
  lcbPlcfBtePapx: number;
  /** Languages: of the document, and of its East Asian text. They pick the code page of 8-bit text. */
  lid: number;
  lidFE: number;
}

const damaged = (what: string) => new FilingError('corrupt', `damaged Word document (${what})`);

// FibRgFcLcb97's pairs by index: 13 is PlcfBtePapx, 33 is Clx.
const PLCF_BTE_PAPX = 13;
const CLX = 33;

export function readFib(wd: Buffer): Fib {
  if (wd.length < 0x22) throw damaged('the WordDocument stream is too short');
  const wIdent = wd.readUInt16LE(0);
  const nFib = wd.readUInt16LE(2);
  if (wIdent !== 0xa5ec) {
    // Word 6 and 95 wrote 0xA5DC; what they store differs throughout.
    if (wIdent === 0xa5dc || (nFib > 0 && nFib < 0xc0)) {
      throw new FilingError('unsupported_format', 'a Word 6.0/95 document, too old to read; save it as .docx and import that');
    }
    throw damaged('no Word file header');
  }
  if (nFib < 0xc0) throw new FilingError('unsupported_format', 'a Word 6.0/95 document, too old to read; save it as .docx and import that');
  const flags = wd.readUInt16LE(0x0a);
  // fEncrypted (password to open) and fObfuscated (XOR) both leave the text unreadable without the password.
  if (flags & 0x0100 || flags & 0x8000) {
    throw new FilingError('encrypted', 'password-protected (encrypted) Word document; save an unprotected copy and import that');
  }
  const csw = wd.readUInt16LE(0x20);
  const lwAt = 0x22 + csw * 2 + 2;
  if (lwAt > wd.length) throw damaged('file information block cut short');
  const cslw = wd.readUInt16LE(lwAt - 2);
  const fcLcbAt = lwAt + cslw * 4 + 2;
  if (cslw < 4 || fcLcbAt > wd.length) throw damaged('file information block cut short');
  const cbRgFcLcb = wd.readUInt16LE(fcLcbAt - 2);
  if (cbRgFcLcb <= CLX || fcLcbAt + (CLX + 1) * 8 > wd.length) throw damaged('file information block cut short');
  const pair = (i: number) => [wd.readUInt32LE(fcLcbAt + i * 8), wd.readUInt32LE(fcLcbAt + i * 8 + 4)];
  const [fcClx, lcbClx] = pair(CLX);
  const [fcPlcfBtePapx, lcbPlcfBtePapx] = pair(PLCF_BTE_PAPX);
  return {
    nFib,
    tableStream: flags & 0x0200 ? '1Table' : '0Table',
    ccpText: wd.readUInt32LE(lwAt + 3 * 4),
    fcClx,
    lcbClx,
    fcPlcfBtePapx,
    lcbPlcfBtePapx,
    lid: wd.readUInt16LE(6),
    // FibRgW97's lidFE is its 14th word; older writers may stop before it.
    lidFE: csw >= 14 ? wd.readUInt16LE(0x22 + 13 * 2) : 0,
  };
}
