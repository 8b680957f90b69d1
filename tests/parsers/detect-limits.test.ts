// An archive part the parsers would read whole is refused from the zip directory when it is too large,
// however well it compresses: nothing is inflated, no library starts.
import crypto from 'node:crypto';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { parseBytes } from '../../parsers/index.ts';
import { expectFilingError, QUICK_MS, replaceOnce, timed, wordTable, workbook } from './hostile.ts';

const PART = 17 * 1024 * 1024;

describe('one part of an archive over the part limit', () => {
  it('word/document.xml of repeated rows, in an archive under 1 MB', async () => {
    const doc = await wordTable([['项目名称', '老年助餐']], (xml) => {
      const row = /<w:tr>[\s\S]*?<\/w:tr>/.exec(xml)![0];
      return replaceOnce(xml, row, row.repeat(Math.ceil(PART / row.length)));
    });
    expect(doc.length).toBeLessThan(1024 * 1024);
    const { ms, error } = await timed(() => parseBytes(doc));
    expect(ms).toBeLessThan(QUICK_MS);
    expectFilingError(error, 'too_large', /^word\/document\.xml too large \(\d\d\.\d MB unpacked; the limit is 16\.0 MB\)$/);
  });

  it('a sheet of repeated rows', async () => {
    const book = await workbook([['项目', [['项目名称', '老年助餐']]]], (xml) => {
      const row = /<row [\s\S]*?<\/row>/.exec(xml)![0];
      return replaceOnce(xml, row, row.repeat(Math.ceil(PART / row.length)));
    });
    const { ms, error } = await timed(() => parseBytes(book));
    expect(ms).toBeLessThan(QUICK_MS);
    expectFilingError(error, 'too_large', /^xl\/worksheets\/sheet1\.xml too large \(\d\d\.\d MB unpacked; the limit is 16\.0 MB\)$/);
  });
});

it('a large picture in the archive is no reason to refuse it: the limit is for the parts that are parsed', async () => {
  const zip = await JSZip.loadAsync(await wordTable([['项目名称', '老年助餐']]));
  zip.file('word/media/scan.bmp', crypto.randomBytes(PART));
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 1 } });
  const { error, value } = await timed(() => parseBytes(bytes));
  expect(error).toBeUndefined();
  expect(value!.grids[0].cells[0]).toEqual(['项目名称', '老年助餐']);
});
