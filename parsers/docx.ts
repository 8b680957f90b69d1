// Word: mammoth turns the document into HTML, cheerio walks it; every table becomes a grid, the
// paragraphs above it its `before` lines. mammoth's own messages are kept beside the result.
import * as cheerio from 'cheerio';
import type { Cheerio } from 'cheerio';
import type { Element } from 'domhandler';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { repairDocx } from './docx-repair.ts';
import { FilingError } from './errors.ts';
import type { Grid, ParsedDocument, ParseMessage } from './grid.ts';
import { htmlTableToGrid } from './html-table.ts';

export async function parseDocx(buf: Buffer): Promise<ParsedDocument> {
  const messages: ParseMessage[] = [];
  let input = buf;
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buf);
  } catch (e) {
    throw new FilingError('corrupt', `damaged Word document (${(e as Error).message})`);
  }
  const xml = await zip.file('word/document.xml')?.async('string');
  if (xml == null) throw new FilingError('corrupt', 'damaged Word document (no word/document.xml)');
  const repaired = await repairDocx(zip, xml);
  if (repaired) {
    input = repaired.buffer;
    messages.push(...repaired.messages);
  }
  let html: string;
  try {
    const result = await mammoth.convertToHtml({ buffer: input }, { ignoreEmptyParagraphs: false });
    html = result.value;
    for (const m of result.messages) messages.push({ level: m.type === 'error' ? 'warning' : 'info', message: `mammoth: ${m.message}` });
  } catch (e) {
    throw new FilingError('corrupt', `damaged Word document (${(e as Error).message.split('\n')[0]})`);
  }
  return { grids: tablesOf(html), messages };
}

function tablesOf(html: string): Grid[] {
  const $ = cheerio.load(html);
  const grids: Grid[] = [];
  let before: string[] = [];
  const walk = (nodes: Cheerio<Element>) => {
    for (const node of nodes.toArray()) {
      if (node.tagName === 'table') {
        const { cells, merges } = htmlTableToGrid($, node);
        grids.push({ locator: `table ${grids.length + 1}`, cells, merges, before });
        before = [];
      } else if (/^(ul|ol|div|section)$/.test(node.tagName)) {
        walk($(node).children());
      } else {
        const line = $(node).text().trim();
        if (line) before.push(line);
      }
    }
  };
  walk($('body').children());
  return grids;
}
