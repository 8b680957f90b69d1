// Views as a workbook an auditor opens: one sheet per view and a last sheet of notes and legend;
// a bold, frozen header row with an autofilter, columns as wide as their text, numbers as numbers,
// and marked cells filled in a colour per mark.
//
// SheetJS writes the cells, widths and autofilter. Its community edition writes no fonts, fills or
// frozen panes, so those are added to the written package afterwards: a bold font, one fill per mark
// and their cell formats appended to xl/styles.xml, an `s` attribute on each styled cell, and a
// frozen pane in each sheet's view. Each edit checks that it found what it edits, so a SheetJS
// release that writes these parts differently fails loudly instead of losing the styling.
// Texts (headers and notes too) are written so that Excel takes none for a formula when the auditor
// edits a cell (spreadsheet-safe.ts).
import fs from 'node:fs';
import JSZip from 'jszip';
import * as XLSX from 'xlsx';
import { spreadsheetText } from '../text/spreadsheet-safe.ts';
import { displayWidth } from './text-width.ts';
import { MARK_MEANING, type Mark, type ReportCell, type ReportView } from './view.ts';

const FILL: Record<Mark, string> = {
  added: 'FFC6EFCE',
  removed: 'FFFFC7CE',
  raised: 'FFDDEBF7',
  lowered: 'FFFCE4D6',
  changed: 'FFFFEB9C',
  similar: 'FFE4DFEC',
  empty: 'FFFFC7CE',
  absent: 'FFEDEDED',
  below: 'FFFCE4D6',
};
const MARKS = Object.keys(FILL) as Mark[];
const HEADER_FILL = 'FFD9D9D9';
const MAX_WIDTH = 60;

/** The notes of every view and the meaning of each mark, as a view of its own. */
function notesView(views: ReportView[]): ReportView {
  const rows: ReportCell[][] = views.flatMap((v) => [v.title, ...v.notes].map((n) => [{ value: v.name }, { value: n }]));
  for (const m of MARKS) rows.push([{ value: '图例' }, { value: MARK_MEANING[m], mark: m }]);
  return { name: '说明', file: 'notes', title: '说明', columns: [{ header: '表', type: 'text' }, { header: '说明', type: 'text' }], rows, notes: [] };
}

export async function xlsxReport(views: ReportView[]): Promise<Buffer> {
  const all = [...views, notesView(views)];
  const wb = XLSX.utils.book_new();
  const marked: Map<string, Mark>[] = [];
  for (const view of all) {
    const aoa = [
      view.columns.map((c) => spreadsheetText(c.header)),
      ...view.rows.map((r) => r.map((c) => (typeof c.value === 'string' ? spreadsheetText(c.value) : (c.value ?? (c.mark ? '' : null))))),
    ];
    const ws = XLSX.utils.aoa_to_sheet(aoa);
    const last = XLSX.utils.encode_cell({ r: view.rows.length, c: view.columns.length - 1 });
    ws['!autofilter'] = { ref: `A1:${last}` };
    ws['!cols'] = view.columns.map((c, i) => {
      const longest = Math.max(displayWidth(c.header), ...view.rows.map((r) => displayWidth(String(r[i]?.value ?? ''))));
      return { wch: Math.min(MAX_WIDTH, longest + 2) };
    });
    XLSX.utils.book_append_sheet(wb, ws, view.name);
    const marks = new Map<string, Mark>();
    view.rows.forEach((r, ri) => r.forEach((c, ci) => c.mark && marks.set(XLSX.utils.encode_cell({ r: ri + 1, c: ci }), c.mark)));
    marked.push(marks);
  }
  const written = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
  return style(written, all, marked);
}

export async function writeXlsxReport(file: string, views: ReportView[]): Promise<void> {
  fs.writeFileSync(file, await xlsxReport(views));
}

function replaceOnce(xml: string, find: RegExp, by: (m: string, ...g: string[]) => string, what: string): string {
  let hit = false;
  const out = xml.replace(find, (...args) => {
    hit = true;
    return by(...(args as [string, ...string[]]));
  });
  if (!hit) throw new Error(`xlsx report: SheetJS wrote no ${what}; the styling step needs updating`);
  return out;
}

async function style(bytes: Buffer, views: ReportView[], marked: Map<string, Mark>[]): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const stylesXml = await zip.file('xl/styles.xml')!.async('string');
  let base = 0;
  let styles = replaceOnce(stylesXml, /<fonts count="1">(<font>)(.*?)<\/font><\/fonts>/, (_, open, body) => `<fonts count="2">${open}${body}</font><font><b/>${body}</font></fonts>`, 'fonts');
  styles = replaceOnce(
    styles,
    /<fills count="2">(.*?)<\/fills>/,
    (_, body) => `<fills count="${3 + MARKS.length}">${body}${[HEADER_FILL, ...MARKS.map((m) => FILL[m])].map(solid).join('')}</fills>`,
    'fills',
  );
  styles = replaceOnce(
    styles,
    /<cellXfs count="(\d+)">(.*?)<\/cellXfs>/,
    (_, count, body) => {
      base = Number(count);
      const xfs = [xf(1, 2), ...MARKS.map((_, i) => xf(0, 3 + i))];
      return `<cellXfs count="${base + xfs.length}">${body}${xfs.join('')}</cellXfs>`;
    },
    'cell formats',
  );
  zip.file('xl/styles.xml', styles);
  const headerXf = base;
  const markXf = (m: Mark) => base + 1 + MARKS.indexOf(m);

  for (let i = 0; i < views.length; i++) {
    const name = `xl/worksheets/sheet${i + 1}.xml`;
    let sheet = await zip.file(name)!.async('string');
    sheet = replaceOnce(
      sheet,
      /<sheetView workbookViewId="0"\/>/,
      () => '<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView>',
      'sheet view',
    );
    const styleOf = (ref: string) => (/^[A-Z]+1$/.test(ref) ? headerXf : marked[i].has(ref) ? markXf(marked[i].get(ref)!) : null);
    sheet = sheet.replace(/<c r="([A-Z]+\d+)"( s="\d+")?/g, (m, ref: string) => {
      const s = styleOf(ref);
      return s === null ? m : `<c r="${ref}" s="${s}"`;
    });
    zip.file(name, sheet);
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const solid = (argb: string) => `<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/><bgColor indexed="64"/></patternFill></fill>`;
const xf = (fontId: number, fillId: number) =>
  `<xf numFmtId="0" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0" applyFont="1" applyFill="1"/>`;
