// `filings export --json` for scripts: one JSON document on stdout saying what was written, the prose on
// stderr; exit 0 when the run did its work (also when there was nothing to do), 2 when it could not run.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filings, fixture } from '../helpers/cli.ts';
import { storeEnv } from '../helpers/store-cli.ts';
import { tmpDir } from '../helpers/tmp.ts';
import { sqliteBackend } from '../store/backends.ts';

describe('filings export --json', () => {
  const backend = sqliteBackend();
  const tmp = tmpDir('filings-export-json-');
  beforeAll(() => backend.start());
  afterAll(async () => {
    await backend.stop();
    tmp.remove();
  });

  it('prints the batch, its kind, range, counts and files; nothing changed is a document too; a refusal prints none', async () => {
    const db = await backend.fresh();
    const env = storeEnv(db, path.join(tmp.dir, 'uploads'));
    const out = path.join(tmp.dir, 'feed');
    const json = (...more: string[]) => filings(['export', '--format', 'parquet', '--out', out, '--json', ...more], env);
    await filings(['import', fixture('compare/road-2021.md')], env);

    const first = await json();
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/^filings: exported 1 filings, 6 indicators, 1 file names \(a full snapshot up to change 2, the first run of this store into this folder\) to /);
    const doc = JSON.parse(first.stdout);
    expect(doc).toEqual({
      feed: `parquet:${out}`,
      folder: out,
      batch: path.join(out, '00000001-full-000000000002'),
      name: '00000001-full-000000000002',
      run: 1,
      kind: 'full',
      reason: 'new_feed',
      afterSeq: 0,
      upToSeq: 2,
      counts: { filings: 1, indicators: 6, removed: 0, fileNames: 1 },
      files: [
        { table: 'filings', file: 'filings.parquet', rows: 1, bytes: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
        { table: 'indicators', file: 'indicators.parquet', rows: 6, bytes: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
        { table: 'file_names', file: 'file_names.parquet', rows: 1, bytes: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      ],
    });
    for (const f of doc.files) expect(createHash('sha256').update(fs.readFileSync(path.join(doc.batch, f.file))).digest('hex')).toBe(f.sha256);

    await filings(['import', fixture('compare/road-2022.docx')], env);
    const second = JSON.parse((await json()).stdout);
    expect(second).toMatchObject({ run: 2, kind: 'incremental', reason: null, afterSeq: 2, upToSeq: 4, counts: { filings: 1, removed: 0, fileNames: 1 } });
    expect(second.files.map((f: { table: string }) => f.table)).toEqual(['filings', 'indicators', 'file_names', 'removed']);

    const nothing = await json();
    expect(nothing.code).toBe(0);
    expect(nothing.stderr).toMatch(/^filings: nothing stored or changed since the last export/);
    expect(JSON.parse(nothing.stdout)).toMatchObject({ batch: null, name: null, run: null, kind: null, afterSeq: 4, upToSeq: 4, counts: { filings: 0, indicators: 0, removed: 0, fileNames: 0 }, files: [] });

    const refused = await filings(['export', '--format', 'ndjson', '--out', out, '--json'], env);
    expect([refused.code, refused.stdout]).toEqual([2, '']);
    expect(refused.stderr).toMatch(/holds the parquet feed/);
  }, 600_000);
});
