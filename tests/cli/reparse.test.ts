// `filings reparse` writes a filing only when what it says changed. A byte-for-byte copy imported
// under another name is one more name of the same upload; it must not flip the record's file name,
// nor send the warehouse a batch whose only change is that name. Through the real CLI, both stores.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.ts';
import { filings, fixture } from '../helpers/cli.ts';
import { storeEnv } from '../helpers/store-cli.ts';
import { tmpDir } from '../helpers/tmp.ts';
import { postgresBackend, sqliteBackend, type Backend, type TestDb } from '../store/backends.ts';

describe.each([sqliteBackend(), postgresBackend()])('$name store', (backend: Backend) => {
  const tmp = tmpDir('filings-reparse-');
  const seed = path.join(tmp.dir, 'seed.md');
  const copy = path.join(tmp.dir, 'seed-copy.md');
  beforeAll(async () => {
    fs.copyFileSync(fixture('seed.md'), seed);
    fs.copyFileSync(fixture('seed.md'), copy);
    await backend.start();
  });
  afterAll(async () => {
    await backend.stop();
    tmp.remove();
  });

  /** The file name each stored filing shows, and every name its content was imported under. */
  const names = async (db: TestDb) => {
    const store = await openStore(db.opts);
    try {
      const [{ sha256 }] = await store.uploads('all');
      return {
        filings: (await store.listFilings()).map((f) => f.fileName),
        upload: (await store.fileNames(sha256)).map((n) => [n.fileName, n.path]),
      };
    } finally {
      await store.close();
    }
  };

  it('import seed.md, then its copy, then reparse: nothing written; the feed gets the new name, and no filing again', async () => {
    const db = await backend.fresh();
    const env = storeEnv(db, path.join(tmp.dir, `${backend.name}-uploads`));
    const feed = path.join(tmp.dir, `${backend.name}-feed`);
    const exportFeed = () => filings(['export', '--format', 'ndjson', '--out', feed], env);

    expect((await filings(['import', seed], env)).code).toBe(0);
    expect((await exportFeed()).code).toBe(0);
    const again = await filings(['import', copy], env);
    expect(again.stderr).toMatch(/0 forms stored from 0 files \(0 written\), 1 already present/);

    const reparse = await filings(['reparse'], env);
    expect(reparse.code).toBe(0);
    expect(reparse.stderr).toMatch(/1 forms stored from 1 files \(0 written\)/);

    // The copy's name is news for the warehouse; the filing is not.
    const after = await exportFeed();
    expect(after).toMatchObject({ code: 0 });
    expect(after.stderr).toMatch(/exported 0 filings, 0 indicators, 1 file names, 0 removed forms \(changes 3 to 3\)/);
    const batch = path.join(feed, '00000002-incr-000000000003-000000000003');
    const rows = fs.readFileSync(path.join(batch, 'file_names.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(rows).toEqual([{ seq: 3, sha256: expect.stringMatching(/^[0-9a-f]{64}$/), file_name: 'seed-copy.md', path: copy, first_seen: expect.any(String) }]);
    expect(fs.readFileSync(path.join(batch, 'filings.ndjson'), 'utf8')).toBe('');

    // A second reparse and export: nothing at all.
    expect((await filings(['reparse'], env)).stderr).toMatch(/\(0 written\)/);
    expect((await exportFeed()).stderr).toMatch(/nothing stored or changed since the last export/);
    expect(fs.readdirSync(feed).sort()).toEqual(['00000001-full-000000000002', '00000002-incr-000000000003-000000000003', 'feed.json']);

    // The record keeps the name it was first imported under; the store keeps both.
    expect(await names(db)).toEqual({
      filings: ['seed.md'],
      upload: [
        ['seed.md', seed],
        ['seed-copy.md', copy],
      ],
    });
  }, 300_000);

  it('a copy given in the same run as the original is a name of it too; the first given stays the record’s', async () => {
    const db = await backend.fresh();
    const env = storeEnv(db, path.join(tmp.dir, `${backend.name}-uploads`));
    const run = await filings(['import', seed, copy], env);
    expect(run.stderr).toMatch(/1 forms stored from 1 files \(1 written\), 1 already present/);
    expect(await names(db)).toEqual({
      filings: ['seed.md'],
      upload: [
        ['seed.md', seed],
        ['seed-copy.md', copy],
      ],
    });
  }, 180_000);
});
