// Paragraph and row properties of a Word 97-2003 document: the PAPX pages (FKPs) indexed by
// PlcBtePapx ([MS-DOC] 2.9.179, 2.9.175), and from their sprms only what places a paragraph in a
// table: in a cell, at a row's end, at which depth, and the row's cell layout (sprmTDefTable).
import { FilingError } from './errors.ts';
import type { Fib } from './doc-fib.ts';

export interface CellDef {
  /** Word's vertical merge: this cell continues the merge above it, unless it restarts one. */
  vertMerge: boolean;
  vertRestart: boolean;
  /** Word 97's horizontal merge: the first cell of a merged run, and the cells merged into it. */
  firstMerged: boolean;
  merged: boolean;
}

export interface RowDef {
  /** Cell boundaries in twips, one more than the cells. */
  centers: number[];
  cells: CellDef[];
}

export interface ParaProps {
  /** Table depth: 0 outside tables, 1 in a table, 2 and more in nested tables. */
  depth: number;
  /** Ends a row of a level-1 table (its mark is the row mark). */
  rowEnd: boolean;
  /** Ends a cell of a nested table. */
  innerCell: boolean;
  /** Ends a row of a nested table. */
  innerRowEnd: boolean;
  row: RowDef | undefined;
}

const damaged = (what: string) => new FilingError('corrupt', `damaged Word document (${what})`);

const sprmPFInTable = 0x2416;
const sprmPFTtp = 0x2417;
const sprmPItap = 0x6649;
const sprmPDtap = 0x664a;
const sprmPFInnerTableCell = 0x244b;
const sprmPFInnerTtp = 0x244c;
const sprmTDefTable = 0xd608;
const sprmTVertMerge = 0xd62b;
const sprmTMerge = 0x5624;
const sprmTSplit = 0x5625;
const sprmPChgTabs = 0xc615;
const sprmPHugePapx = 0x6646;
/** Word's own limit is 63 cells in a row. */
const MAX_ROW_CELLS = 64;

/** Runs of paragraph properties by the file offsets they cover, from every PAPX page. */
export class PapxIndex {
  private readonly runs: { start: number; end: number; grpprl: Buffer | undefined }[] = [];

  constructor(wd: Buffer, table: Buffer, fib: Fib) {
    const { fcPlcfBtePapx: at, lcbPlcfBtePapx: lcb } = fib;
    if (lcb === 0) return;
    if (at + lcb > table.length || lcb < 12 || (lcb - 4) % 8 !== 0) throw damaged('bad paragraph property index');
    const n = (lcb - 4) / 8;
    const pages = new Set<number>();
    for (let i = 0; i < n; i++) {
      const pn = table.readUInt32LE(at + (n + 1) * 4 + i * 4) & 0x3fffff;
      // A page listed twice would be read twice; a hostile index could list one page a million times.
      if (pages.has(pn)) continue;
      pages.add(pn);
      this.readPage(wd, pn);
    }
    // Pages are in file order in real files; sorted anyway, so that lookups can bisect.
    this.runs.sort((a, b) => a.start - b.start);
  }

  private readPage(wd: Buffer, pn: number) {
    const base = pn * 512;
    if (base + 512 > wd.length) throw damaged('a paragraph property page lies outside the document');
    const crun = wd[base + 511];
    if ((crun + 1) * 4 + crun * 13 > 511) throw damaged('bad paragraph property page');
    for (let i = 0; i < crun; i++) {
      const bOffset = wd[base + (crun + 1) * 4 + i * 13];
      this.runs.push({
        start: wd.readUInt32LE(base + i * 4),
        end: wd.readUInt32LE(base + (i + 1) * 4),
        grpprl: bOffset === 0 ? undefined : papxGrpprl(wd, base, bOffset * 2),
      });
    }
  }

  /** The sprms of the run that holds the byte at fc (a paragraph's end mark). */
  at(fc: number): Buffer | undefined {
    let lo = 0;
    let hi = this.runs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const run = this.runs[mid];
      if (run.start > fc) hi = mid - 1;
      else if (run.end <= fc) lo = mid + 1;
      else return run.grpprl;
    }
    return undefined;
  }
}

/** PapxInFkp: a count, then the style index (2 bytes) and the sprms. */
function papxGrpprl(wd: Buffer, base: number, offset: number): Buffer | undefined {
  if (offset >= 511) return undefined;
  let at = base + offset;
  let size = wd[at] * 2 - 1;
  at += 1;
  if (wd[base + offset] === 0) {
    size = wd[at] * 2;
    at += 1;
  }
  const end = Math.min(at + size, base + 511);
  return at + 2 <= end ? wd.subarray(at + 2, end) : undefined;
}

/** Calls visit(sprm, operand) for each sprm; a sprm cut short ends the list. */
export function eachSprm(grpprl: Buffer, visit: (sprm: number, operand: Buffer) => void): void {
  let i = 0;
  while (i + 2 <= grpprl.length) {
    const sprm = grpprl.readUInt16LE(i);
    i += 2;
    let size: number;
    switch (sprm >> 13) {
      case 0:
      case 1:
        size = 1;
        break;
      case 2:
      case 4:
      case 5:
        size = 2;
        break;
      case 3:
        size = 4;
        break;
      case 7:
        size = 3;
        break;
      default:
        if (i >= grpprl.length) return;
        if (sprm === sprmTDefTable) {
          // Its size is two bytes, counting itself less one.
          if (i + 2 > grpprl.length) return;
          size = grpprl.readUInt16LE(i) - 1;
          i += 2;
        } else if (sprm === sprmPChgTabs && grpprl[i] === 255) {
          size = chgTabsSize(grpprl, i + 1);
          i += 1;
        } else {
          size = grpprl[i];
          i += 1;
        }
    }
    if (size < 0 || i + size > grpprl.length) return;
    visit(sprm, grpprl.subarray(i, i + size));
    i += size;
  }
}

/** sprmPChgTabs with the 255 size: deleted tabs (4 bytes each), then added ones (3 bytes each). */
function chgTabsSize(g: Buffer, at: number): number {
  const del = g[at] ?? 0;
  const add = g[at + 1 + del * 4] ?? 0;
  return 1 + del * 4 + 1 + add * 3;
}

/**
 * A paragraph's sprms with sprmPHugePapx resolved: properties too long for their page (a wide row's
 * layout) are kept in the Data stream as a length and the sprms.
 */
export function hugePapx(grpprl: Buffer | undefined, data: Buffer | undefined): Buffer | undefined {
  if (!grpprl || grpprl.length < 6 || grpprl.readUInt16LE(0) !== sprmPHugePapx) return grpprl;
  const at = grpprl.readUInt32LE(2);
  if (!data || at + 2 > data.length) return undefined;
  const cb = data.readUInt16LE(at);
  return data.subarray(at + 2, Math.min(at + 2 + cb, data.length));
}

/** The table facts of a paragraph, from its own sprms and then those of its piece. */
export function paraProps(grpprls: (Buffer | undefined)[]): ParaProps {
  let inTable = false;
  let depth: number | undefined;
  const props: ParaProps = { depth: 0, rowEnd: false, innerCell: false, innerRowEnd: false, row: undefined };
  for (const g of grpprls) {
    if (!g) continue;
    eachSprm(g, (sprm, op) => {
      switch (sprm) {
        case sprmPFInTable:
          inTable = op[0] !== 0;
          break;
        case sprmPFTtp:
          props.rowEnd = op[0] !== 0;
          break;
        case sprmPItap:
          if (op.length >= 4) depth = Math.max(0, Math.min(op.readInt32LE(0), 64));
          break;
        case sprmPDtap:
          if (op.length >= 4) depth = Math.max(0, Math.min((depth ?? (inTable ? 1 : 0)) + op.readInt32LE(0), 64));
          break;
        case sprmPFInnerTableCell:
          props.innerCell = op[0] !== 0;
          break;
        case sprmPFInnerTtp:
          props.innerRowEnd = op[0] !== 0;
          break;
        case sprmTDefTable:
          props.row = defTable(op);
          break;
        case sprmTVertMerge:
          if (props.row && op.length >= 2) {
            const cell = props.row.cells[op[0]];
            if (cell) {
              cell.vertMerge = op[1] !== 0;
              cell.vertRestart = op[1] === 3;
            }
          }
          break;
        case sprmTMerge:
        case sprmTSplit:
          if (props.row && op.length >= 2) {
            for (let c = op[0]; c < Math.min(op[1], props.row.cells.length); c++) {
              props.row.cells[c].firstMerged = sprm === sprmTMerge && c === op[0];
              props.row.cells[c].merged = sprm === sprmTMerge && c > op[0];
            }
          }
          break;
      }
    });
  }
  props.depth = depth ?? (inTable ? 1 : 0);
  return props;
}

/** TDefTableOperand: the number of cells, their boundaries, then a TC80 (20 bytes) per cell that has one. */
function defTable(op: Buffer): RowDef | undefined {
  if (op.length < 1) return undefined;
  const count = Math.min(op[0], MAX_ROW_CELLS);
  if (1 + (count + 1) * 2 > op.length) return undefined;
  const centers: number[] = [];
  for (let i = 0; i <= count; i++) centers.push(op.readInt16LE(1 + i * 2));
  const tcAt = 1 + (op[0] + 1) * 2;
  const cells: CellDef[] = [];
  for (let i = 0; i < count; i++) {
    const at = tcAt + i * 20;
    const flags = at + 2 <= op.length ? op.readUInt16LE(at) : 0;
    cells.push({ firstMerged: (flags & 0x1) !== 0, merged: (flags & 0x2) !== 0, vertMerge: (flags & 0x20) !== 0, vertRestart: (flags & 0x40) !== 0 });
  }
  return { centers, cells };
}
