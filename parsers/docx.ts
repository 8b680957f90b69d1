// Word: mammoth turns the document into HTML, cheerio walks it; every table becomes a grid, the
// paragraphs above it its `before` lines. mammoth's own messages are kept beside the result.
// cheerio/slim: the htmlparser2 half only (the `xml` option below picks it anyway), without parse5
// and the fetch client the full entry loads.
import * as cheerio from 'cheerio/slim';
import type { Cheerio } from 'cheerio';
import type { Element } from 'domhandler';
import mammoth from 'mammoth';
import { guardDocumentXml } from './docx-guard.ts';
import { repairDocumentXml } from './docx-repair.ts';
import { FilingError, stackOverflowAsError } from './errors.ts';
import type { Grid, ParsedDocument, ParseMessage } from './grid.ts';
import { htmlTableToGrid } from './html-table.ts';
import { CellBudget } from './limits.ts';
import { openZip, type ZipEntry, type ZipReader } from './zip.ts';

export async function parseDocx(buf: Buffer, entries?: ZipEntry[]): Promise<ParsedDocument> {
  const messages: ParseMessage[] = [];
  const zip = openZip(buf, entries);
  if (!zip.has('word/document.xml')) throw new FilingError('corrupt', 'damaged Word document (no word/document.xml)');
  const guarded = guardDocumentXml(zip.read('word/document.xml').toString('utf8'));
  messages.push(...guarded.messages);
  const repaired = repairDocumentXml(guarded.xml);
  if (repaired) messages.push(...repaired.messages);
  const documentXml = repaired?.xml ?? (guarded.changed ? guarded.xml : undefined);
  let html: string;
  try {
    const result = await mammoth.convertToHtml({ file: mammothFile(zip, documentXml) } as never, { ignoreEmptyParagraphs: false });
    html = result.value;
    for (const m of result.messages) messages.push({ level: m.type === 'error' ? 'warning' : 'info', message: `mammoth: ${m.message}` });
  } catch (e) {
    const error = stackOverflowAsError(e);
    if (error instanceof FilingError) throw error;
    throw new FilingError('corrupt', `damaged Word document (${(e as Error).message.split('\n')[0]})`);
  }
  return { grids: tablesOf(html), messages };
}

/**
 * mammoth opens its input through a small file interface (exists/read); handing it ours means the
 * archive is read once, with native zlib, and a repaired document.xml needs no re-zipping.
 */
function mammothFile(zip: ZipReader, documentXml: string | undefined) {
  return {
    exists: (name: string) => zip.has(name),
    read: async (name: string, encoding?: string) => {
      const bytes = name === 'word/document.xml' && documentXml !== undefined ? Buffer.from(documentXml) : zip.read(name);
      if (encoding === 'base64') return bytes.toString('base64');
      return encoding ? new TextDecoder(encoding).decode(bytes) : new Uint8Array(bytes);
    },
  };
}

function tablesOf(html: string): Grid[] {
  // htmlparser2 rather than parse5: mammoth's HTML is well-formed, and this is twice as fast.
  const $ = cheerio.load(html, { xml: { xmlMode: false, decodeEntities: true } });
  const grids: Grid[] = [];
  const budget = new CellBudget();
  let before: string[] = [];
  const walk = (nodes: Cheerio<Element>) => {
    for (const node of nodes.toArray()) {
      if (node.tagName === 'table') {
        const locator = `table ${grids.length + 1}`;
        const { cells, merges } = htmlTableToGrid(node, locator, budget);
        grids.push({ locator, index: grids.length + 1, cells, merges, mergesKnown: true, before });
        before = [];
      } else if (/^(ul|ol|div|section)$/.test(node.tagName)) {
        walk($(node).children());
      } else {
        const line = $(node).text().trim();
        if (line) before.push(line);
      }
    }
  };
  walk($.root().children());
  return grids;
}
