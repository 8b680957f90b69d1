// One feed per folder, through the real CLI: the folder's feed.json names its format, and an export of
// another format, or into a folder that holds something else, is refused before anything is written;
// one export at a time; every file listed in the manifest with its row count and SHA-256.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filings, fixture } from '../helpers/cli.ts';
import { batchFolders, exportRun } from '../helpers/feed.ts';
import { storeEnv } from '../helpers/store-cli.ts';
import { tmpDir } from '../helpers/tmp.ts';
import { readManifest } from '../helpers/warehouse.ts';
import { sqliteBackend } from '../store/backends.ts';

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('a feed folder', () => {
  const backend = sqliteBackend();
  const tmp = tmpDir('filings-feed-folder-');
  beforeAll(() => backend.start());
  afterAll(async () => {
    await backend.stop();
    tmp.remove();
  });

  it('refuses a second format (exit 2) and keeps the first feed whole: its files, its manifest, its cursor', async () => {
    const db = await backend.fresh();
    const env = storeEnv(db, path.join(tmp.dir, 'uploads-1'));
    const out = path.join(tmp.dir, 'feed-1');
    await filings(['import', fixture('compare/road-2021.md')], env);
    await exportRun(env, 'ndjson', out);
    const [batch] = batchFolders(out);
    const before = Object.fromEntries(fs.readdirSync(path.join(out, batch)).map((f) => [f, sha256(path.join(out, batch, f))]));

    const csv = await filings(['export', '--format', 'csv', '--out', out], env);
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain(`${out} holds the ndjson feed (feed.json); one folder holds one feed: write csv to another folder`);
    expect(fs.readdirSync(out).sort()).toEqual([batch, 'feed.json']);
    expect(Object.fromEntries(fs.readdirSync(path.join(out, batch)).map((f) => [f, sha256(path.join(out, batch, f))]))).toEqual(before);
    expect(JSON.parse(fs.readFileSync(path.join(out, 'feed.json'), 'utf8'))).toMatchObject({ format: 'ndjson', feedVersion: 2, lastBatch: { name: batch, run: 1 } });
    expect(await db.sql('SELECT name, seq FROM export_cursors')).toEqual([{ name: `ndjson:${out}`, seq: 2 }]);

    // Every file the manifest lists is there with the row count and SHA-256 it gives.
    await filings(['import', fixture('compare/departments-2023.md')], env);
    await exportRun(env, 'ndjson', out);
    for (const name of batchFolders(out)) {
      const m = readManifest(path.join(out, name));
      for (const t of Object.values(m.tables)) {
        const file = path.join(out, name, t.file);
        expect(t.sha256).toBe(sha256(file));
        expect(t.bytes).toBe(fs.statSync(file).size);
        expect(t.rows).toBe(fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).length);
      }
    }
    expect(batchFolders(out)).toEqual([batch, '00000002-incr-000000000003-000000000006']);
  }, 600_000);

  it('is not made out of a folder that holds something else, nor out of one that cannot be written (exit 2)', async () => {
    const db = await backend.fresh();
    const env = storeEnv(db, path.join(tmp.dir, 'uploads-2'));
    await filings(['import', fixture('compare/road-2021.md')], env);

    const other = path.join(tmp.dir, 'other');
    fs.mkdirSync(other);
    fs.writeFileSync(path.join(other, 'notes.txt'), 'mine');
    const run = await filings(['export', '--format', 'parquet', '--out', other], env);
    expect([run.code, run.stderr]).toEqual([2, `filings: ${other} is not empty and holds no feed.json: not a feed folder; give a new or empty folder\n`]);
    expect(fs.readdirSync(other)).toEqual(['notes.txt']);

    // A feed of the old layout, whose batch- and full- names sort out of the order they were taken.
    const legacy = path.join(tmp.dir, 'legacy');
    fs.mkdirSync(path.join(legacy, 'batch-000000000001-000000000052'), { recursive: true });
    const old = await filings(['export', '--format', 'parquet', '--out', legacy], env);
    expect(old.code).toBe(2);
    expect(old.stderr).toMatch(/holds batches of the old layout \(batch-…, full-…\).*export to a new folder/);

    const file = path.join(tmp.dir, 'a-file');
    fs.writeFileSync(file, '');
    const unwritable = await filings(['export', '--format', 'parquet', '--out', path.join(file, 'feed')], env);
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toMatch(/^filings: cannot write to .*a-file\/feed: ENOTDIR/);
    expect(await db.sql('SELECT count(*) AS n FROM export_cursors')).toEqual([{ n: 0 }]);
  }, 600_000);

  it('takes one export at a time: a live run’s lock refuses (exit 2), a dead run’s lock is cleared', async () => {
    const db = await backend.fresh();
    const env = storeEnv(db, path.join(tmp.dir, 'uploads-3'));
    const out = path.join(tmp.dir, 'feed-3');
    await filings(['import', fixture('compare/road-2021.md')], env);
    await exportRun(env, 'csv', out);
    await filings(['import', fixture('compare/road-2022.docx')], env);

    const lock = path.join(out, '.lock-1-live');
    fs.writeFileSync(lock, JSON.stringify({ pid: process.pid, host: os.hostname(), since: '2026-12-02T02:15:00.000Z' }));
    const busy = await filings(['export', '--format', 'csv', '--out', out], env);
    expect(busy.code).toBe(2);
    expect(busy.stderr).toContain(`another export is writing to ${out} (pid ${process.pid} on ${os.hostname()}, since 2026-12-02T02:15:00.000Z)`);
    expect(batchFolders(out)).toHaveLength(1);

    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    fs.writeFileSync(lock, JSON.stringify({ pid: dead, host: os.hostname(), since: '2026-12-02T02:15:00.000Z' }));
    await exportRun(env, 'csv', out);
    expect(fs.readdirSync(out).sort()).toEqual(['00000001-full-000000000002', '00000002-incr-000000000003-000000000004', 'feed.json']);
  }, 600_000);
});
