// File names are data about a content, not part of it: the same bytes under two names are one upload
// with two names, the first its own, and reading them again under another name changes no record.
// Both backends; records from the real reader.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRecords } from '../../src/read-records.ts';
import type { FilingRecord } from '../../src/schema.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store, UploadInfo } from '../../src/store/store.ts';
import { fixture } from '../helpers/cli.ts';
import { json, postgresBackend, sqliteBackend, type Backend, type TestDb } from './backends.ts';

/** Timestamps have millisecond resolution: steps a test orders by time are kept a few apart. */
const tick = () => new Promise((r) => setTimeout(r, 5));

let seed: UploadInfo;
let records: FilingRecord[];
let copyRecords: FilingRecord[]; // the same bytes read under the copy's name
let copy: UploadInfo;
beforeAll(async () => {
  const bytes = fs.readFileSync(fixture('seed.md'));
  records = (await readRecords(bytes, 'seed.md')).records;
  copyRecords = (await readRecords(bytes, 'seed-copy.md')).records;
  const sha256 = records[0].source.sha256;
  seed = { sha256, fileName: 'seed.md', path: '/in/seed.md', size: bytes.length };
  copy = { sha256, fileName: 'seed-copy.md', path: '/elsewhere/seed-copy.md', size: bytes.length };
});

describe.each([sqliteBackend(), postgresBackend()])('$name store', (backend: Backend) => {
  const opened: Store[] = [];
  beforeAll(() => backend.start());
  afterAll(async () => {
    await Promise.all(opened.map((s) => s.close()));
    await backend.stop();
  });
  async function open(db: TestDb): Promise<Store> {
    const store = await openStore(db.opts);
    opened.push(store);
    return store;
  }
  const seqs = async (db: TestDb) => (await db.sql('SELECT id, seq FROM filings ORDER BY id')).map((r) => [r.id, Number(r.seq)]);

  it('keeps every name the content came under, with its path and when; the first name stays the upload’s', async () => {
    const db = await backend.fresh();
    const store = await open(db);
    expect(await store.fileNames(seed.sha256)).toEqual([]);
    await store.saveRecords(seed, records);
    await tick();
    await store.recordUpload(copy);
    await tick();
    await store.recordUpload(copy);

    expect(await store.uploads('all')).toEqual([seed]);
    const names = await store.fileNames(seed.sha256);
    expect(names.map(({ fileName, path }) => ({ fileName, path }))).toEqual([
      { fileName: 'seed.md', path: '/in/seed.md' },
      { fileName: 'seed-copy.md', path: '/elsewhere/seed-copy.md' },
    ]);
    for (const n of names) {
      expect(new Date(n.firstSeen).toISOString()).toBe(n.firstSeen);
      expect(n.lastSeen >= n.firstSeen).toBe(true);
    }
    expect(names[1].lastSeen > names[1].firstSeen).toBe(true); // imported twice under that name
    expect(names[0].firstSeen < names[1].firstSeen).toBe(true);
  });

  it('a replace that reads the same bytes under another name writes nothing and takes no change number', async () => {
    const db = await backend.fresh();
    const store = await open(db);
    await store.saveRecords(seed, records);
    await store.recordUpload(copy);
    const before = await seqs(db);
    const lastChange = await store.lastChange();

    expect(await store.saveRecords(copy, copyRecords, { replace: true })).toEqual({ written: 0, unchanged: 1 });

    expect(await seqs(db)).toEqual(before);
    expect(await store.lastChange()).toBe(lastChange);
    const [row] = await db.sql('SELECT file_name, record_json FROM filings');
    expect(row.file_name).toBe('seed.md');
    expect((json(row.record_json) as FilingRecord).source.file).toBe('seed.md');
    // A reparse is no import: it adds no name and moves no "last seen".
    const names = await store.fileNames(seed.sha256);
    await store.saveRecords(seed, records, { replace: true });
    expect(await store.fileNames(seed.sha256)).toEqual(names);
  });

  it('a replace still rewrites a record whose content changed', async () => {
    const db = await backend.fresh();
    const store = await open(db);
    await store.saveRecords(seed, records);
    const last = await store.lastChange();
    const changed = structuredClone(records[0]);
    changed.project.name = '改过的项目名称';
    expect(await store.saveRecords(seed, [changed], { replace: true })).toEqual({ written: 1, unchanged: 0 });
    expect(await store.lastChange()).toBe(last + 1);
    expect(await db.sql('SELECT project_name FROM filings')).toEqual([{ project_name: '改过的项目名称' }]);
  });

  it('upgrading a store that kept only the latest name keeps what its records show and both names', async () => {
    const db = await backend.fresh();
    const store = await openStore(db.opts);
    await store.saveRecords(seed, records);
    await store.close();
    // As the store was before migration 003: the copy's import overwrote the upload's name and path.
    await db.exec(`
      DROP TABLE upload_names;
      DELETE FROM schema_migrations WHERE name IN ('003-upload-names', '004-name-changes');
      UPDATE uploads SET file_name = 'seed-copy.md', path = '/elsewhere/seed-copy.md';
    `);

    const upgraded = await open(db);
    expect(await upgraded.uploads('all')).toEqual([{ ...seed, path: '/elsewhere/seed-copy.md' }]);
    const names = await upgraded.fileNames(seed.sha256);
    expect(names.map(({ fileName, path }) => ({ fileName, path }))).toEqual([
      { fileName: 'seed.md', path: null }, // its path was never kept
      { fileName: 'seed-copy.md', path: '/elsewhere/seed-copy.md' },
    ]);
    const before = await seqs(db);
    expect(await upgraded.saveRecords(seed, records, { replace: true })).toEqual({ written: 0, unchanged: 1 });
    expect(await seqs(db)).toEqual(before);
  });

  it('each new name takes a change number for the feed; a name seen again takes none', async () => {
    const db = await backend.fresh();
    const store = await open(db);
    await store.saveRecords(seed, records);
    const afterSeed = await store.lastChange();
    await store.recordUpload(seed); // the same name and path again
    expect(await store.lastChange()).toBe(afterSeed);
    await store.recordUpload(copy);
    expect(await store.lastChange()).toBe(afterSeed + 1);
    expect((await store.feedNames(afterSeed, afterSeed + 1)).map((n) => [n.seq, n.file_name, n.path])).toEqual([[afterSeed + 1, 'seed-copy.md', copy.path]]);
    expect((await store.feedNames(0, afterSeed + 1)).map((n) => n.file_name)).toEqual(['seed.md', 'seed-copy.md']);
  });

  it('upgrading a store whose names had no change numbers gives them fresh ones, above every change before', async () => {
    const db = await backend.fresh();
    const store = await open(db);
    await store.saveRecords(seed, records);
    await store.recordUpload(copy);
    const last = await store.lastChange();
    await db.exec(`
      DROP INDEX upload_names_by_seq;
      ALTER TABLE upload_names DROP COLUMN seq;
      DELETE FROM schema_migrations WHERE name = '004-name-changes';
    `);
    const upgraded = await open(db);
    const names = await upgraded.feedNames(last, Number.MAX_SAFE_INTEGER);
    expect(names.map((n) => n.file_name).sort()).toEqual(['seed-copy.md', 'seed.md']);
    expect(new Set(names.map((n) => n.seq)).size).toBe(2);
    expect(await upgraded.lastChange()).toBe(last + 2);
  });
});
