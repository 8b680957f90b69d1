// Excel (xlsx and legacy xls): every visible sheet becomes a grid. A cell reads as the text it
// displays (a 0% cell holding 1 reads 100%), a date cell as an ISO date; hidden rows, columns and
// sheets are skipped, and !merges become merged regions mapped onto what is left visible.
import * as XLSX from 'xlsx';
import * as cptable from 'xlsx/dist/cpexcel.full.mjs';
import { FilingError } from './errors.ts';
import type { Grid, Merge, ParsedDocument, ParseMessage } from './grid.ts';

// cellStyles: SheetJS reads hidden rows and columns (!rows, !cols) only with it.
// Old Chinese workbooks (BIFF5 and earlier) store text in code page 936; SheetJS reads it only with the tables.
XLSX.set_cptable(cptable);

export function parseWorkbook(buf: Buffer): ParsedDocument {
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(buf, { type: 'buffer', cellNF: true, cellText: true, cellDates: false, cellStyles: true, cellHTML: false, dense: true });
  } catch (e) {
    const msg = (e as Error).message ?? String(e);
    if (/password|encrypt/i.test(msg)) throw new FilingError('encrypted', 'password-protected (encrypted) workbook; save an unprotected copy and import that');
    throw new FilingError('corrupt', `damaged workbook (${msg.split('\n')[0]})`);
  }
  const messages: ParseMessage[] = [];
  const grids: Grid[] = [];
  wb.SheetNames.forEach((name, i) => {
    if (wb.Workbook?.Sheets?.[i]?.Hidden) {
      messages.push({ level: 'info', message: `sheet ${name}: hidden, skipped` });
      return;
    }
    const grid = sheetGrid(wb.Sheets[name], name, messages);
    if (grid) grids.push(grid);
  });
  return { grids, messages };
}

function sheetGrid(ws: XLSX.WorkSheet, name: string, messages: ParseMessage[]): Grid | null {
  if (!ws?.['!ref']) return null;
  const range = XLSX.utils.decode_range(ws['!ref']);
  const rowsInfo = ws['!rows'] ?? [];
  const colsInfo = ws['!cols'] ?? [];
  const rows: number[] = [];
  const cols: number[] = [];
  for (let r = range.s.r; r <= range.e.r; r++) if (!rowsInfo[r]?.hidden) rows.push(r);
  for (let c = range.s.c; c <= range.e.c; c++) if (!colsInfo[c]?.hidden) cols.push(c);
  const hidden = range.e.r - range.s.r + 1 - rows.length + (range.e.c - range.s.c + 1 - cols.length);
  if (hidden) messages.push({ level: 'info', message: `sheet ${name}: ${hidden} hidden row(s)/column(s) skipped` });
  const dense = (ws as unknown as { '!data'?: XLSX.CellObject[][] })['!data'];
  const cellAt = (r: number, c: number): XLSX.CellObject | undefined => (dense ? dense[r]?.[c] : ws[XLSX.utils.encode_cell({ r, c })]);
  const cells = rows.map((r) => cols.map((c) => cellText(cellAt(r, c))));
  const rowIndex = new Map(rows.map((r, i) => [r, i]));
  const colIndex = new Map(cols.map((c, i) => [c, i]));
  const merges: Merge[] = [];
  for (const m of ws['!merges'] ?? []) {
    const visibleRows = rows.filter((r) => r >= m.s.r && r <= m.e.r);
    const visibleCols = cols.filter((c) => c >= m.s.c && c <= m.e.c);
    if (!visibleRows.length || !visibleCols.length) continue;
    const r0 = rowIndex.get(visibleRows[0])!;
    const c0 = colIndex.get(visibleCols[0])!;
    const r1 = rowIndex.get(visibleRows.at(-1)!)!;
    const c1 = colIndex.get(visibleCols.at(-1)!)!;
    // The value lives in the region's top-left cell, which may be the hidden one.
    if (cells[r0][c0] === '') cells[r0][c0] = cellText(cellAt(m.s.r, m.s.c));
    if (r1 > r0 || c1 > c0) merges.push({ r0, c0, r1, c1 });
  }
  return { locator: `sheet ${name}`, cells, merges, before: [] };
}

function cellText(cell: XLSX.CellObject | undefined): string {
  if (!cell || cell.v == null) return '';
  if (cell.t === 'n') {
    const fmt = typeof cell.z === 'string' ? cell.z : 'General';
    if (XLSX.SSF.is_date(fmt)) {
      const d = XLSX.SSF.parse_date_code(cell.v as number);
      return `${d.y}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`;
    }
    // General shows at most 11 digits; the stored number is what the filer typed.
    if (fmt === 'General') return String(cell.v);
    return cell.w ?? String(cell.v);
  }
  if (cell.t === 'd') return cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : String(cell.v);
  if (cell.t === 'b') return cell.v ? 'TRUE' : 'FALSE';
  return cell.t === 's' ? String(cell.v) : (cell.w ?? String(cell.v));
}
