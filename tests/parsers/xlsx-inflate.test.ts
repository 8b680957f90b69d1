// SheetJS unpacks a workbook's parts with Node's zlib, outside the reader thread's heap: a part that
// states a small size and unpacks to far more is stopped at the archive's expanded-size limit, and the
// file fails alone with that reason.
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, expect, it } from 'vitest';
import { filings } from '../helpers/cli.ts';
import { tmpDir } from '../helpers/tmp.ts';
import { writeZip } from '../helpers/zip.ts';
import { workbook } from './hostile.ts';

const tmp = tmpDir('filings-inflate-');
afterAll(() => tmp.remove());

async function withPart(name: string, data: Buffer, declared: number): Promise<string> {
  const zip = await JSZip.loadAsync(await workbook([['项目', [['项目名称', '老年助餐'], ['主管部门', '民政局']]]]));
  const entries: [string, Buffer, number?][] = [];
  for (const file of Object.values(zip.files)) if (!file.dir) entries.push([file.name, await file.async('nodebuffer')]);
  entries.push([name, data, declared]);
  const file = path.join(tmp.dir, `${path.basename(name)}.xlsx`);
  fs.writeFileSync(file, writeZip(entries));
  return file;
}

it('a part that states 1 KB and unpacks to 4 MB is stopped at the expanded-size limit', async () => {
  const file = await withPart('xl/media/image1.png', Buffer.alloc(4 * 1024 * 1024), 1024);
  const run = await filings(['parse', file], { FILINGS_MAX_EXPANDED_MB: '1' });
  expect(run.stderr).toBe(`filings: ${file}: a part of the workbook unpacks to more than 1.0 MB (FILINGS_MAX_EXPANDED_MB)\n`);
  expect(run.code).toBe(1);
});

it('the same part stating its true size is refused from the archive directory, before anything is unpacked', async () => {
  const file = await withPart('xl/media/image1.png', Buffer.alloc(4 * 1024 * 1024), 4 * 1024 * 1024);
  const run = await filings(['parse', file], { FILINGS_MAX_EXPANDED_MB: '1' });
  expect(run.stderr).toMatch(/refused as a zip bomb \(limit 1\.0 MB\)\n$/);
  expect(run.code).toBe(1);
});
