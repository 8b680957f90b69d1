// mammoth reads w:gridSpan and w:vMerge but ignores w:gridBefore/w:gridAfter, so a row that starts one
// grid column in (common in hand-edited forms) slides left; and when a table holds anything between its
// rows but rows (a bookmark, say), mammoth drops every vertical merge of the table with only a warning.
// We fix both in the document XML before mammoth sees it, and only when the document needs it.
// cheerio/slim: the htmlparser2 half only (the `xml` option below picks it anyway), without parse5
// and the fetch client the full entry loads.
import * as cheerio from 'cheerio/slim';
import type { ParseMessage } from './grid.ts';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const ROW_CHILDREN = new Set(['w:trPr', 'w:tblPrEx', 'w:tc', 'w:sdt', 'w:customXml']);
const TABLE_CHILDREN = new Set(['w:tblPr', 'w:tblGrid', 'w:tr', 'w:sdt', 'w:customXml']);
// Elements that carry no text and may stand anywhere; inside a table they confuse mammoth.
const MARKERS = /^w:(bookmarkStart|bookmarkEnd|proofErr|permStart|permEnd|commentRangeStart|commentRangeEnd|moveFromRangeStart|moveFromRangeEnd|moveToRangeStart|moveToRangeEnd)$/;
const NEEDS_REPAIR = /w:gridBefore|w:gridAfter|<\/w:tr>\s*<w:(?:bookmark|proofErr|perm|commentRange|move)/;

/** The repaired document XML, or null where mammoth can read it as it is. */
export function repairDocumentXml(xml: string): { xml: string; messages: ParseMessage[] } | null {
  if (!NEEDS_REPAIR.test(xml)) return null;
  const $ = cheerio.load(xml, { xml: { xmlMode: true, decodeEntities: false } });
  const messages: ParseMessage[] = [];
  $('w\\:tbl').each((t, tbl) => {
    let shifted = 0;
    let markers = 0;
    const dropMarkers = (parent: Parameters<typeof $>[0], allowed: Set<string>) => {
      for (const child of $(parent).children().toArray()) {
        if (!allowed.has(child.tagName) && MARKERS.test(child.tagName)) {
          $(child).remove();
          markers++;
        }
      }
    };
    dropMarkers(tbl, TABLE_CHILDREN);
    $(tbl).find('w\\:tr').each((_, tr) => {
      dropMarkers(tr, ROW_CHILDREN);
      const props = $(tr).children('w\\:trPr');
      const before = Number(props.children('w\\:gridBefore').attr('w:val')) || 0;
      const after = Number(props.children('w\\:gridAfter').attr('w:val')) || 0;
      props.children('w\\:gridBefore, w\\:gridAfter').remove();
      if (before > 0) {
        const firstCell = $(tr).children('w\\:tc, w\\:sdt, w\\:customXml').first();
        if (firstCell.length) firstCell.before(placeholder(before));
        else $(tr).append(placeholder(before));
        shifted++;
      }
      if (after > 0) $(tr).append(placeholder(after));
    });
    if (shifted) messages.push({ level: 'info', message: `table ${t + 1}: ${shifted} row(s) start further in (w:gridBefore); realigned to the table grid` });
    if (markers) messages.push({ level: 'info', message: `table ${t + 1}: moved ${markers} bookmark/marker element(s) out of the table so its merged cells survive` });
  });
  return messages.length ? { xml: $.xml(), messages } : null;
}

const placeholder = (span: number) =>
  `<w:tc xmlns:w="${W}"><w:tcPr><w:gridSpan w:val="${span}"/></w:tcPr><w:p/></w:tc>`;
