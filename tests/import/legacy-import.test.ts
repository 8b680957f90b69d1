// A folder of Word 97-2003 and WPS files (.doc, .wps, .et) imports like its .docx/.xlsx twins: every
// stored record is the twin's but for source, and the forms of another kind fail in the same words.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { readRecords } from '../../src/read-records.ts';
import type { FilingRecord } from '../../src/schema.ts';
import { openStore } from '../../src/store/open.ts';
import { filings, fixture } from '../helpers/cli.ts';
import { tmpDir } from '../helpers/tmp.ts';

const tmp = tmpDir();
afterAll(() => tmp.remove());
const body = ({ id: _id, source: _source, ...rest }: FilingRecord) => rest;
const TWIN_EXT: Record<string, string> = { '.doc': '.docx', '.wps': '.docx', '.et': '.xlsx' };

it('imports fixtures/legacy to the records of its twins', async () => {
  const env = { FILINGS_DB: path.join(tmp.dir, 'filings.db'), FILINGS_UPLOADS: path.join(tmp.dir, 'uploads') };
  const run = await filings(['import', fixture('legacy')], env);
  expect(run.stderr).toMatch(/18 files seen, 18 forms stored from 16 files/);
  expect(run.code).toBe(1); // dept-wide.doc and real-11.doc are not target forms
  const store = await openStore({ db: env.FILINGS_DB });
  try {
    const failures = await store.failures();
    expect(failures.map((f) => [path.basename(f.path), f.code]).sort()).toEqual([
      ['dept-wide.doc', 'other_form'],
      ['real-11.doc', 'other_form'],
    ]);
    const stored = (await store.records((await store.listFilings()).map((f) => f.id))).map((s) => s.record);
    expect(stored).toHaveLength(18);
    for (const file of new Set(stored.map((r) => r.source.file))) {
      const ext = path.extname(file);
      const twin = fixture(file.replace(/\.[^.]+$/, TWIN_EXT[ext]));
      const expected = (await readRecords(fs.readFileSync(twin), twin)).records.map(body);
      const mine = stored.filter((r) => r.source.file === file).sort((a, b) => a.source.formIndex - b.source.formIndex);
      expect(mine.map(body), file).toStrictEqual(expected);
      expect(mine.map((r) => r.source.format)).toEqual(mine.map(() => (ext === '.et' ? 'xls' : 'doc')));
    }
  } finally {
    await store.close();
  }
}, 120_000);
