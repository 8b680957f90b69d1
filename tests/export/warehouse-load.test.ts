// The feed's loading rule, followed literally by a warehouse (DuckDB) that knows only the folder:
// whatever sequence of full snapshots and incremental batches the feed wrote, loading them in name
// order leaves the warehouse holding exactly what the store holds — no filing lost, none left behind
// after it was removed, none invented — in every format, on both stores.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filings, fixture } from '../helpers/cli.ts';
import { batchFolders, exportRun, reparseAs, storeNames, storeState } from '../helpers/feed.ts';
import { storeEnv } from '../helpers/store-cli.ts';
import { tmpDir } from '../helpers/tmp.ts';
import { Warehouse } from '../helpers/warehouse.ts';
import { postgresBackend, sqliteBackend, type Backend, type TestDb } from '../store/backends.ts';

const FORMATS = ['parquet', 'ndjson', 'csv'] as const;

describe.each([sqliteBackend(), postgresBackend()])('$name store', (backend: Backend) => {
  const tmp = tmpDir('filings-warehouse-');
  beforeAll(() => backend.start(), 60_000);
  afterAll(async () => {
    await backend.stop();
    tmp.remove();
  });

  let n = 0;
  async function fresh(): Promise<{ db: TestDb; env: NodeJS.ProcessEnv; dir: string }> {
    const db = await backend.fresh();
    const dir = path.join(tmp.dir, String(++n));
    return { db, env: storeEnv(db, path.join(dir, 'uploads')), dir };
  }

  it('full → incremental → full → incremental, with imports and reparses between: each warehouse equals the store after every load', async () => {
    const { db, env, dir } = await fresh();
    const feeds = Object.fromEntries(FORMATS.map((f) => [f, path.join(dir, `feed-${f}`)])) as Record<(typeof FORMATS)[number], string>;
    const warehouses = await Promise.all(FORMATS.map(() => Warehouse.open()));
    const loaded = FORMATS.map(() => new Set<string>());
    const step = async (...more: string[]) => {
      for (const f of FORMATS) await exportRun(env, f, feeds[f], ...more);
      const store = await storeState(db);
      for (const [i, f] of FORMATS.entries()) {
        await warehouses[i].loadFeed(feeds[f], loaded[i]);
        expect(await warehouses[i].records(), f).toEqual(store);
        expect(await warehouses[i].fileNames(), f).toEqual(await storeNames(db));
      }
      return store;
    };
    try {
      await filings(['import', fixture('compare')], env);
      expect((await step()).size).toBe(6);

      // A warning with its message, header extras, funding extras, unmapped cells.
      await filings(['import', fixture('fengjie-2023.md'), fixture('jiaxian-2016.md')], env);
      expect((await step()).size).toBe(8);

      // departments-2023 now reads to one form, changed: the other two are removed.
      await reparseAs(db, 'compare/departments-2023.md', (rs) => {
        rs[0].indicators[0].target = { raw: '22所', kind: 'numeric', op: '=', value: 22, unit: '所' };
        return [rs[0]];
      });
      expect((await step('--full')).size).toBe(6);

      // The two forms come back, the changed one reads as before, road-2021 now reads to nothing,
      // and a form with empty groups arrives.
      await reparseAs(db, 'compare/departments-2023.md', (rs) => rs);
      await reparseAs(db, 'compare/road-2021.md', () => []);
      await filings(['import', fixture('real-06.md')], env);
      const last = await step();
      expect(last.size).toBe(8);

      for (const f of FORMATS) {
        expect(batchFolders(feeds[f])).toEqual([
          '00000001-full-000000000010',
          '00000002-incr-000000000011-000000000014',
          '00000003-full-000000000017',
          '00000004-incr-000000000018-000000000023',
        ]);
      }
      const removed = await warehouses[0].rows(`SELECT typeof(removed_at) AS t FROM read_parquet('${feeds.parquet}/00000004-*/removed.parquet')`);
      expect(removed).toEqual([{ t: 'TIMESTAMP WITH TIME ZONE' }]);
    } finally {
      for (const w of warehouses) w.close();
    }
  }, 900_000);
});

// Cases replayed as they were reported; the store makes no difference to them, so SQLite only.
describe('replayed on a SQLite store', () => {
  const backend = sqliteBackend();
  const tmp = tmpDir('filings-warehouse-cases-');
  beforeAll(() => backend.start());
  afterAll(async () => {
    await backend.stop();
    tmp.remove();
  });

  it('--full, one more import, an incremental export: the snapshot sorts before the batch taken after it, and the new filing stays', async () => {
    const db = await backend.fresh();
    const env = storeEnv(db, path.join(tmp.dir, 'uploads-1'));
    const out = path.join(tmp.dir, 'feed-1');
    await filings(['import', fixture('compare')], env);
    await exportRun(env, 'parquet', out);
    await filings(['import', fixture('seed.md')], env);
    await exportRun(env, 'parquet', out);
    await filings(['import', fixture('putuo-2026.md')], env);
    await exportRun(env, 'parquet', out, '--full');
    await filings(['import', fixture('wuhan-2020.md')], env);
    const last = await exportRun(env, 'parquet', out);
    expect(last.stderr).toMatch(/exported 1 filings, \d+ indicators, 1 file names, 0 removed forms \(changes 15 to 16\)/);

    expect(batchFolders(out)).toEqual([
      '00000001-full-000000000010',
      '00000002-incr-000000000011-000000000012',
      '00000003-full-000000000014',
      '00000004-incr-000000000015-000000000016',
    ]);
    const w = await Warehouse.open();
    try {
      await w.loadFeed(out);
      const held = await w.records();
      expect(held).toEqual(await storeState(db));
      expect(await w.fileNames()).toEqual(await storeNames(db));
      expect([...held.values()].map((f) => f.record.source.file)).toContain('wuhan-2020.md');
    } finally {
      w.close();
    }
  }, 600_000);

  it('a store restored from a backup writes a full snapshot: the warehouse drops what the store no longer holds', async () => {
    const db = await backend.fresh();
    const env = storeEnv(db, path.join(tmp.dir, 'uploads-2'));
    const out = path.join(tmp.dir, 'feed-2');
    await filings(['import', fixture('compare/road-2021.md'), fixture('compare/road-2022.docx')], env);
    await exportRun(env, 'ndjson', out);
    // A backup as a file copy, of the database and its write-ahead log (no process has it open now).
    const files = (dir: string) => ['', '-wal', '-shm'].map((s) => path.join(dir, `filings.db${s}`));
    const live = path.dirname(db.opts.db!);
    const backup = path.join(tmp.dir, 'backup');
    fs.mkdirSync(backup);
    files(live).forEach((f, i) => fs.existsSync(f) && fs.copyFileSync(f, files(backup)[i]));
    await filings(['import', fixture('seed.md')], env);
    await exportRun(env, 'ndjson', out);
    // The store goes back to the backup: seed.md's filing is gone, and no removal says so.
    files(live).forEach((f, i) => (fs.existsSync(files(backup)[i]) ? fs.copyFileSync(files(backup)[i], f) : fs.rmSync(f, { force: true })));

    const run = await exportRun(env, 'ndjson', out);
    expect(run.stderr).toMatch(/exported 2 filings, \d+ indicators, 2 file names \(a full snapshot up to change 4, the store is behind what this folder already delivered/);
    expect(batchFolders(out)).toEqual(['00000001-full-000000000004', '00000002-incr-000000000005-000000000006', '00000003-full-000000000004']);
    const w = await Warehouse.open();
    try {
      await w.loadFeed(out);
      expect(await w.records()).toEqual(await storeState(db));
    } finally {
      w.close();
    }
  }, 600_000);
});
