// Hostile files as users have sent them: made with the writers their tools use (the docx package,
// SheetJS), then edited in the one place only a hand or an attacker would touch. Nothing is kept on disk.
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import JSZip from 'jszip';
import { expect } from 'vitest';
import * as XLSX from 'xlsx';
import { FilingError, type ErrorCode } from '../../parsers/errors.ts';

/** A Word document holding one titled table, its word/document.xml passed through `edit`. */
export async function wordTable(rows: string[][], edit: (xml: string) => string = (x) => x): Promise<Buffer> {
  const table = new Table({
    rows: rows.map((row) => new TableRow({ children: row.map((text) => new TableCell({ children: [new Paragraph(text)] })) })),
  });
  const doc = new Document({ sections: [{ children: [new Paragraph('项目支出绩效目标表'), table] }] });
  return editPart(await Packer.toBuffer(doc), 'word/document.xml', edit);
}

/** A workbook of named sheets written by SheetJS, each sheet's XML passed through `edit`. */
export async function workbook(sheets: [string, string[][]][], edit?: (xml: string, index: number) => string): Promise<Buffer> {
  const wb = XLSX.utils.book_new();
  for (const [name, rows] of sheets) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), name);
  const written = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
  if (!edit) return written;
  return editParts(written, sheets.map((_, i) => [`xl/worksheets/sheet${i + 1}.xml`, (xml: string) => edit(xml, i)]));
}

export function editPart(zipped: Buffer, part: string, edit: (text: string) => string): Promise<Buffer> {
  return editParts(zipped, [[part, edit]]);
}

async function editParts(zipped: Buffer, edits: [string, (text: string) => string][]): Promise<Buffer> {
  const zip = await JSZip.loadAsync(zipped);
  for (const [part, edit] of edits) {
    const entry = zip.file(part);
    if (!entry) throw new Error(`no ${part} in the archive`);
    zip.file(part, edit(await entry.async('string')));
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/** `xml` with its first match of `find` replaced, failing loudly when the writer's output changed. */
export function replaceOnce(xml: string, find: string | RegExp, by: string): string {
  const out = xml.replace(find, by);
  if (out === xml) throw new Error(`${find} not found in the XML`);
  return out;
}

/** How long `f` takes, and what it returned or threw. */
export async function timed<T>(f: () => T | Promise<T>): Promise<{ ms: number; value?: T; error?: unknown }> {
  const start = performance.now();
  try {
    const value = await f();
    return { ms: performance.now() - start, value };
  } catch (error) {
    return { ms: performance.now() - start, error };
  }
}

/** Generous: a hang or a slow crawl fails, a busy machine does not. */
export const QUICK_MS = 10_000;

export function expectFilingError(error: unknown, code: ErrorCode, message: RegExp): void {
  expect(error).toBeInstanceOf(FilingError);
  expect((error as FilingError).code).toBe(code);
  expect((error as FilingError).message).toMatch(message);
  expect((error as FilingError).message).not.toContain('\n');
}
