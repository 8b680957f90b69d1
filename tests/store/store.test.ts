// One suite, both backends: whatever the import job and the CLI may rely on must hold for SQLite and
// for PostgreSQL alike. Records come from real fixtures through the real reader.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRecords } from '../../src/read-records.ts';
import type { FilingRecord } from '../../src/schema.ts';
import { MIGRATIONS } from '../../src/store/migrations/index.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store, UploadInfo } from '../../src/store/store.ts';
import { fixture, root } from '../helpers/cli.ts';
import { tmpDir } from '../helpers/tmp.ts';
import { json, postgresBackend, sqliteBackend, type Backend, type TestDb } from './backends.ts';

interface File {
  upload: UploadInfo;
  records: FilingRecord[];
}

async function load(name: string): Promise<File> {
  const bytes = fs.readFileSync(fixture(name));
  const { records } = await readRecords(bytes, name);
  return { upload: { sha256: records[0].source.sha256, fileName: name, path: `/in/${name}`, size: bytes.length }, records };
}

const indicatorsOf = (records: FilingRecord[]) => records.reduce((n, r) => n + r.indicators.length, 0);

let multi: File; // two forms
let seed: File; // one form
beforeAll(async () => {
  [multi, seed] = await Promise.all([load('multi-2.docx'), load('seed.md')]);
  expect(multi.records).toHaveLength(2);
});

describe.each([sqliteBackend(), postgresBackend()])('$name store', (backend: Backend) => {
  const opened: Store[] = [];
  beforeAll(() => backend.start());
  afterAll(async () => {
    await Promise.all(opened.map((s) => s.close()));
    await backend.stop();
  });

  async function fresh(): Promise<{ db: TestDb; store: Store }> {
    const db = await backend.fresh();
    return { db, store: await open(db) };
  }
  async function open(db: TestDb): Promise<Store> {
    const store = await openStore(db.opts);
    opened.push(store);
    return store;
  }
  const seqs = async (db: TestDb): Promise<Record<string, number>> =>
    Object.fromEntries((await db.sql('SELECT id, seq FROM filings')).map((r) => [String(r.id), Number(r.seq)]));

  it('saves a file and reads it back', async () => {
    const { db, store } = await fresh();
    expect(store.kind).toBe(backend.name);
    expect(await store.isStored(multi.upload.sha256)).toBe(false);

    expect(await store.saveRecords(multi.upload, multi.records)).toEqual({ written: 2, unchanged: 0 });

    expect(await store.counts()).toEqual({ uploads: 1, filings: 2, indicators: indicatorsOf(multi.records), failures: 0 });
    expect(await store.isStored(multi.upload.sha256)).toBe(true);
    expect(await store.uploads('all')).toEqual([multi.upload]);
    for (const record of multi.records) {
      const [row] = await db.sql('SELECT * FROM filings WHERE id = ?', [record.id]);
      expect(json(row.record_json)).toEqual(record);
      expect(row).toMatchObject({
        sha256: record.source.sha256,
        form_index: record.source.formIndex,
        project_name: record.project.name,
        department: record.project.department,
        fiscal_year: record.form.fiscalYear,
        funding_total: record.funding.total,
        annual_total: record.funding.annualTotal,
      });
      const indicators = await db.sql('SELECT * FROM indicators WHERE filing_id = ? ORDER BY position', [record.id]);
      expect(indicators.map((i) => i.name)).toEqual(record.indicators.map((i) => i.name));
      expect(indicators.map((i) => i.target_raw)).toEqual(record.indicators.map((i) => i.target?.raw ?? null));
    }
  });

  it('writes nothing when the same file is saved again', async () => {
    const { db, store } = await fresh();
    await store.saveRecords(multi.upload, multi.records);
    const before = await seqs(db);

    const movedTo = { ...multi.upload, path: '/elsewhere/multi-2.docx' };
    expect(await store.saveRecords(movedTo, multi.records)).toEqual({ written: 0, unchanged: 2 });
    expect(await store.saveRecords(movedTo, multi.records, { replace: true })).toEqual({ written: 0, unchanged: 2 });

    expect(await seqs(db)).toEqual(before);
    expect(await store.counts()).toMatchObject({ uploads: 1, filings: 2, indicators: indicatorsOf(multi.records) });
    expect(await store.uploads('all')).toEqual([multi.upload]); // the first path stays; the other is one more name
  });

  it('on replace rewrites changed forms, removes vanished ones and leaves the rest alone', async () => {
    const { db, store } = await fresh();
    await store.saveRecords(multi.upload, multi.records);
    await store.saveRecords(seed.upload, seed.records);
    const before = await seqs(db);
    const [first, second] = multi.records;
    const changed = structuredClone(first);
    changed.project.name = '改过的项目名称';
    changed.indicators = changed.indicators.slice(0, 1);

    expect(await store.saveRecords(multi.upload, [changed], { replace: true })).toEqual({ written: 1, unchanged: 0 });

    const after = await seqs(db);
    expect(Object.keys(after).sort()).toEqual([first.id, seed.records[0].id].sort());
    expect(after[first.id]).toBeGreaterThan(Math.max(...Object.values(before)));
    expect(after[seed.records[0].id]).toBe(before[seed.records[0].id]);
    const [row] = await db.sql('SELECT project_name, record_json FROM filings WHERE id = ?', [first.id]);
    expect(row.project_name).toBe('改过的项目名称');
    expect(json(row.record_json)).toEqual(changed);
    expect(await db.sql('SELECT name FROM indicators WHERE filing_id = ?', [first.id])).toEqual([{ name: changed.indicators[0].name }]);
    expect(await db.sql('SELECT position FROM indicators WHERE filing_id = ?', [second.id])).toEqual([]);
    expect(await store.counts()).toMatchObject({ filings: 2, indicators: 1 + indicatorsOf(seed.records) });

    expect(await store.saveRecords(multi.upload, [changed], { replace: true })).toEqual({ written: 0, unchanged: 1 });
    expect(await seqs(db)).toEqual(after);
  });

  it('without replace leaves a stored form untouched even when the new one differs', async () => {
    const { db, store } = await fresh();
    await store.saveRecords(multi.upload, multi.records);
    const before = await seqs(db);
    const changed = structuredClone(multi.records[0]);
    changed.project.name = '另一个名称';
    expect(await store.saveRecords(multi.upload, [changed])).toEqual({ written: 0, unchanged: 1 });
    expect(await seqs(db)).toEqual(before);
    expect(await db.sql('SELECT project_name FROM filings WHERE id = ?', [changed.id])).toEqual([{ project_name: multi.records[0].project.name }]);
  });

  it('never hands out a change number twice, even after the newest row is removed', async () => {
    const { db, store } = await fresh();
    await store.saveRecords(multi.upload, multi.records);
    const newest = Math.max(...Object.values(await seqs(db)));
    await store.saveRecords(multi.upload, [multi.records[0]], { replace: true }); // drops the newest row
    await store.saveRecords(seed.upload, seed.records);
    expect((await seqs(db))[seed.records[0].id]).toBeGreaterThan(newest);
  });

  it('keeps one failure per file, the latest, and clears it when the file is saved', async () => {
    const { store } = await fresh();
    const { sha256, path: where } = multi.upload;
    await store.recordUpload(multi.upload);
    await store.recordFailure({ path: where, sha256, code: 'corrupt', message: 'first reason' });
    await store.recordFailure({ path: where, sha256, code: 'unreadable', message: 'second reason' });
    await store.recordFailure({ path: where, sha256: null, code: 'unreadable', message: 'could not read the file' });
    await store.recordFailure({ path: '/in/gone.docx', sha256: null, code: 'unreadable', message: 'no such file' });
    await store.recordFailure({ path: '/in/gone.docx', sha256: null, code: 'unreadable', message: 'still no such file' });

    const failures = await store.failures();
    expect(failures.map(({ failedAt, ...f }) => f)).toEqual([
      { path: '/in/gone.docx', sha256: null, code: 'unreadable', message: 'still no such file' },
      { path: where, sha256, code: 'unreadable', message: 'second reason' },
      { path: where, sha256: null, code: 'unreadable', message: 'could not read the file' },
    ]);
    for (const f of failures) expect(new Date(f.failedAt).toISOString()).toBe(f.failedAt);
    expect(await store.uploads('failed')).toEqual([multi.upload]);

    await store.saveRecords(multi.upload, multi.records);
    expect((await store.failures()).map((f) => f.path)).toEqual(['/in/gone.docx']);
    expect(await store.uploads('failed')).toEqual([]);
    expect(await store.isStored(sha256)).toBe(true);

    // A stored file whose reparse fails counts as not stored until it is saved again.
    await store.recordFailure({ path: where, sha256, code: 'invalid_record', message: 'the reader changed' });
    expect(await store.isStored(sha256)).toBe(false);
    expect(await store.uploads('failed')).toEqual([multi.upload]);
  });

  it('leaves nothing behind when a save fails part-way', async () => {
    const { db, store } = await fresh();
    const { sha256 } = multi.upload;
    await store.recordFailure({ path: multi.upload.path, sha256, code: 'corrupt', message: 'earlier failure' });
    // The second form's indicator breaks NOT NULL only once the first form is already written.
    const broken = structuredClone(multi.records[1]);
    broken.indicators[0].name = null as unknown as string;

    const failed = store.saveRecords(multi.upload, [multi.records[0], broken]);
    await expect(failed).rejects.toThrow(`${backend.name} store: saving 2 records of multi-2.docx`);
    await expect(failed).rejects.toThrow(/null/i);
    expect(await store.counts()).toEqual({ uploads: 0, filings: 0, indicators: 0, failures: 1 });

    // On replace too: the stored rows stay as they were.
    await store.saveRecords(multi.upload, multi.records);
    const before = await seqs(db);
    const changed = structuredClone(multi.records[0]);
    changed.project.name = '不应保存';
    await expect(store.saveRecords(multi.upload, [changed, broken], { replace: true })).rejects.toThrow(/store: saving/);
    expect(await seqs(db)).toEqual(before);
    expect(await db.sql('SELECT project_name FROM filings WHERE id = ?', [changed.id])).toEqual([{ project_name: multi.records[0].project.name }]);
    expect(await store.counts()).toMatchObject({ filings: 2, indicators: indicatorsOf(multi.records) });
  });

  it('refuses records that are not from the given upload', async () => {
    const { store } = await fresh();
    await expect(store.saveRecords(seed.upload, multi.records)).rejects.toThrow(/not from the upload/);
    await expect(store.saveRecords(multi.upload, [multi.records[0], multi.records[0]])).rejects.toThrow(/given twice/);
    expect(await store.counts()).toEqual({ uploads: 0, filings: 0, indicators: 0, failures: 0 });
  });

  it('stores one copy when two connections save the same file at once', async () => {
    const { db, store } = await fresh();
    const other = await open(db);
    const results = await Promise.all([store.saveRecords(multi.upload, multi.records), other.saveRecords(multi.upload, multi.records)]);
    expect(results.map((r) => r.written).reduce((a, b) => a + b)).toBe(2);
    expect(await store.counts()).toEqual({ uploads: 1, filings: 2, indicators: indicatorsOf(multi.records), failures: 0 });
  });

  it('stores one copy when two processes save the same file at once', async () => {
    const db = await backend.fresh();
    const tmp = tmpDir('filings-race-');
    try {
      const recordsFile = path.join(tmp.dir, 'records.json');
      // Many forms, so each save lasts long enough for the two to overlap.
      const records = manyForms(multi, 400);
      fs.writeFileSync(recordsFile, JSON.stringify(records));
      const children = [0, 1].map(() => saver({ opts: db.opts, upload: multi.upload, recordsFile }));
      await Promise.all(children.map((c) => c.ready));
      for (const c of children) c.go();
      const results = await Promise.all(children.map((c) => c.result));
      expect(results.map((r) => r.written).reduce((a, b) => a + b)).toBe(records.length);
      const store = await open(db);
      expect(await store.counts()).toEqual({ uploads: 1, filings: records.length, indicators: indicatorsOf(records), failures: 0 });
      expect(new Set(Object.values(await seqs(db))).size).toBe(records.length);
    } finally {
      tmp.remove();
    }
  });

  it('runs each migration once, however often and however concurrently the store is opened', async () => {
    const db = await backend.fresh();
    const names = MIGRATIONS.map((m) => m.name);
    await Promise.all([open(db), open(db), open(db)]);
    await open(db);
    expect((await db.sql('SELECT name FROM schema_migrations ORDER BY name')).map((r) => r.name)).toEqual(names);
  });
});

/** The file's forms repeated `n` times as if it held that many. */
function manyForms(file: File, n: number): FilingRecord[] {
  return Array.from({ length: n }, (_, i) => {
    const r = structuredClone(file.records[i % file.records.length]);
    r.source.formIndex = i;
    r.source.locator = `table ${i + 1}`;
    r.id = `${r.source.sha256}:${i}`;
    return r;
  });
}

/** A child process running save-child.ts: `ready` once its store is open, then saves on `go()`. */
function saver(input: object) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'tests/store/save-child.ts'), JSON.stringify(input)], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d;
      if (out.startsWith('ready\n')) resolve();
    });
    exited.then((code) => reject(new Error(`save-child exited ${code} before ready: ${err}`)));
  });
  ready.catch(() => {});
  const result = exited.then((code) => {
    if (code !== 0) throw new Error(`save-child exited ${code}: ${err}`);
    return JSON.parse(out.slice('ready\n'.length)) as { written: number; unchanged: number };
  });
  return { ready, result, go: () => child.stdin.end('go\n') };
}
