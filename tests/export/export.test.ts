// The nightly warehouse feed through the real CLI, on both stores: a full snapshot to start, then
// incremental batches by change number, a crash that repeats instead of skipping, removed forms, typed
// columns in every format (the record's lists and extras as JSON text), and Parquet read back by DuckDB
// (another implementation than the writer).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedName } from '../../src/export/batch.ts';
import { canonicalJson } from '../../src/store/canonical-json.ts';
import { readRecords } from '../../src/read-records.ts';
import { openStore } from '../../src/store/open.ts';
import type { StoredRecord } from '../../src/store/store.ts';
import { filings, fixture, root } from '../helpers/cli.ts';
import { batchFolders as batches, exportRun } from '../helpers/feed.ts';
import { storeEnv } from '../helpers/store-cli.ts';
import { tmpDir } from '../helpers/tmp.ts';
import { postgresBackend, sqliteBackend, type Backend, type TestDb } from '../store/backends.ts';

type Obj = Record<string, unknown>;

async function duck(sql: string): Promise<Obj[]> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  try {
    return (await conn.runAndReadAll(sql)).getRowObjectsJS() as Obj[];
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

const manifest = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
const ndjson = (file: string): Obj[] =>
  fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

describe.each([sqliteBackend(), postgresBackend()])('$name store', (backend: Backend) => {
  const tmp = tmpDir('filings-export-');
  beforeAll(() => backend.start(), 60_000);
  afterAll(async () => {
    await backend.stop();
    tmp.remove();
  });

  let n = 0;
  async function fresh(): Promise<{ db: TestDb; env: NodeJS.ProcessEnv; out: string }> {
    const db = await backend.fresh();
    const dir = path.join(tmp.dir, String(++n));
    return { db, env: storeEnv(db, path.join(dir, 'uploads')), out: path.join(dir, 'feed') };
  }
  async function stored(db: TestDb): Promise<StoredRecord[]> {
    const store = await openStore(db.opts);
    try {
      return await store.records((await store.listFilings()).map((s) => s.id));
    } finally {
      await store.close();
    }
  }

  it('starts with a full snapshot, then exports only what was stored since the last export; Parquet reads back in DuckDB with the stored values', async () => {
    const { db, env, out } = await fresh();
    await filings(['import', fixture('compare/road-2021.md')], env);
    const first = await exportRun(env, 'parquet', out);
    expect(first.stderr).toMatch(/exported 1 filings, 6 indicators, 1 file names \(a full snapshot up to change 2, the first run of this store into this folder\)/);

    await filings(['import', fixture('compare/road-2022.docx'), fixture('compare/road-2023.xlsx')], env);
    await exportRun(env, 'parquet', out);
    expect(batches(out)).toEqual(['00000001-full-000000000002', '00000002-incr-000000000003-000000000006']);
    const second = path.join(out, batches(out)[1]);

    const records = (await stored(db)).filter((s) => s.seq > 2);
    const got = await duck(`SELECT * FROM read_parquet('${second}/filings.parquet') ORDER BY seq`);
    expect(got.map((r) => r.id)).toEqual(records.map((s) => s.record.id));
    expect(got.map((r) => r.file_name).sort()).toEqual(['road-2022.docx', 'road-2023.xlsx']);
    for (const [i, { record, seq }] of records.entries()) {
      expect(got[i]).toMatchObject({
        seq: BigInt(seq),
        fiscal_year: record.form.fiscalYear,
        department: record.project.department,
        department_code: record.project.departmentCode,
        project_name: record.project.name,
        annual_total: record.funding.annualTotal,
        indicator_count: record.indicators.length,
      });
      expect(got[i].imported_at).toBeInstanceOf(Date);
    }
    const types = Object.fromEntries(
      (await duck(`DESCRIBE SELECT * FROM read_parquet('${second}/filings.parquet')`)).map((r) => [r.column_name, r.column_type]),
    );
    expect(types).toMatchObject({ seq: 'BIGINT', fiscal_year: 'INTEGER', annual_total: 'DOUBLE', planned_start: 'DATE', imported_at: 'TIMESTAMP WITH TIME ZONE', updated_at: 'TIMESTAMP WITH TIME ZONE', project_name: 'VARCHAR', warnings: 'JSON' });
    // Annotated the current way (a TIMESTAMP adjusted to UTC), with the older annotation readers before it knew.
    const schema = await duck(`SELECT name, converted_type, logical_type FROM parquet_schema('${second}/filings.parquet') WHERE name IN ('imported_at', 'updated_at')`);
    expect(schema).toHaveLength(2);
    for (const col of schema) {
      expect(col.logical_type).toMatch(/^TimestampType\(isAdjustedToUTC=1, unit=TimeUnit\(MILLIS=/);
      expect(col.converted_type).toBe('TIMESTAMP_MILLIS');
    }

    const indicators = await duck(`SELECT * FROM read_parquet('${second}/indicators.parquet') ORDER BY seq, position`);
    const expected = records.flatMap(({ record, seq }) =>
      record.indicators.map((ind, position) => ({
        filing_id: record.id,
        seq: BigInt(seq),
        position,
        fiscal_year: record.form.fiscalYear,
        project_name: record.project.name,
        name: ind.name,
        target_raw: ind.target?.raw ?? null,
        target_value: ind.target?.kind === 'numeric' ? ind.target.value : null,
        target_op: ind.target?.kind === 'numeric' ? ind.target.op : null,
      })),
    );
    expect(indicators).toHaveLength(12);
    indicators.forEach((row, i) => expect(row).toMatchObject(expected[i]));
    expect(manifest(second)).toMatchObject({ run: 2, kind: 'incremental', schemaVersion: 1, afterSeq: 2, upToSeq: 6, tables: { filings: { rows: 2 }, indicators: { rows: 12 }, file_names: { rows: 2 }, removed: { rows: 0 } } });

    const third = await exportRun(env, 'parquet', out);
    expect(third.stderr).toMatch(/nothing stored or changed since the last export/);
    expect(batches(out)).toHaveLength(2);
  }, 600_000);

  it('a crash between writing and renaming leaves the cursor where it was; the next run exports the same filings', async () => {
    const { db, env, out } = await fresh();
    await filings(['import', fixture('compare/road-2021.md')], env);
    await exportRun(env, 'ndjson', out);
    await filings(['import', fixture('compare/departments-2023.md')], env);

    const child = await new Promise<{ signal: NodeJS.Signals | null; stdout: string }>((resolve) =>
      execFile(
        process.execPath,
        ['--import', 'tsx', path.join(root, 'tests/export/crash-child.ts'), JSON.stringify({ opts: db.opts, format: 'ndjson', out })],
        { cwd: root },
        (error, stdout) => resolve({ signal: (error as { signal?: NodeJS.Signals } | null)?.signal ?? null, stdout }),
      ),
    );
    expect(child.signal).toBe('SIGKILL');
    const leftover = child.stdout.trim();
    expect(fs.readdirSync(path.join(leftover)).sort()).toEqual(['file_names.ndjson', 'filings.ndjson', 'indicators.ndjson', 'manifest.json', 'removed.ndjson']);
    // Nothing became visible, and the cursor did not move.
    expect(batches(out)).toEqual(['00000001-full-000000000002']);
    const store = await openStore(db.opts);
    try {
      expect(await store.exportCursor(feedName('ndjson', out))).toBe(2);
    } finally {
      await store.close();
    }

    const again = await exportRun(env, 'ndjson', out);
    expect(again.stderr).toMatch(/exported 3 filings, 16 indicators, 1 file names, 0 removed forms \(changes 3 to 6\)/);
    // The dead run's folder and lock are gone.
    expect(fs.readdirSync(out).sort()).toEqual(['00000001-full-000000000002', '00000002-incr-000000000003-000000000006', 'feed.json']);
    const rows = ndjson(path.join(out, '00000002-incr-000000000003-000000000006', 'filings.ndjson'));
    expect(rows.map((r) => r.project_name)).toEqual(['校园安全设施改造', '基层医疗设备购置', '社区养老服务补助']);
  }, 600_000);

  it('forms removed by a re-read are listed in the next batch; changed forms are exported again', async () => {
    const { db, env, out } = await fresh();
    await filings(['import', fixture('compare/departments-2023.md')], env);
    await exportRun(env, 'ndjson', out);

    // What `filings reparse` does when a file now reads to fewer forms, one of them changed.
    const bytes = fs.readFileSync(fixture('compare/departments-2023.md'));
    const { records } = await readRecords(bytes, 'departments-2023.md');
    const upload = { sha256: records[0].source.sha256, fileName: 'departments-2023.md', path: fixture('compare/departments-2023.md'), size: bytes.length };
    const changed = structuredClone(records[0]);
    changed.indicators[0].target = { raw: '22所', kind: 'numeric', op: '=', value: 22, unit: '所' };
    const store = await openStore(db.opts);
    try {
      expect(await store.saveRecords(upload, [changed], { replace: true })).toEqual({ written: 1, unchanged: 0 });
    } finally {
      await store.close();
    }

    await exportRun(env, 'ndjson', out);
    const batch = path.join(out, batches(out)[1]);
    expect(ndjson(path.join(batch, 'filings.ndjson')).map((r) => r.id)).toEqual([changed.id]);
    expect(ndjson(path.join(batch, 'indicators.ndjson'))[0]).toMatchObject({ filing_id: changed.id, target_raw: '22所', target_value: 22 });
    const removed = ndjson(path.join(batch, 'removed.ndjson'));
    expect(removed.map((r) => r.id)).toEqual([records[1].id, records[2].id]);
    expect(typeof removed[0].removed_at).toBe('string');
  }, 600_000);

  it('--full exports everything again, with the same typed values in ndjson, csv and parquet', async () => {
    const { db, env, out } = await fresh();
    // With a warning and its message, header and funding extras, unmapped cells, empty groups.
    await filings(['import', fixture('compare'), fixture('fengjie-2023.md'), fixture('jiaxian-2016.md')], env);
    for (const format of ['ndjson', 'csv', 'parquet']) {
      await exportRun(env, format, `${out}-${format}`);
      const full = await exportRun(env, format, `${out}-${format}`, '--full');
      expect(full.stderr).toMatch(/exported 8 filings, \d+ indicators, 6 file names \(a full snapshot up to change 14, as asked\)/);
      expect(batches(`${out}-${format}`)).toEqual(['00000001-full-000000000014', '00000002-full-000000000014']);
    }
    const dir = (format: string) => path.join(`${out}-${format}`, '00000002-full-000000000014');
    const fromJson = ndjson(path.join(dir('ndjson'), 'indicators.ndjson'));
    expect(fromJson.find((r) => r.name === '改造学校数')).toMatchObject({ seq: expect.any(Number), position: 0, target_value: 20, target_unit: '所', explanation: null });
    const fromParquet = await duck(`SELECT * FROM read_parquet('${dir('parquet')}/indicators.parquet') ORDER BY seq, position`);
    expect(fromParquet.map((r) => ({ ...r, seq: Number(r.seq) }))).toEqual(fromJson);
    // CSV through DuckDB's own reader, every column as text: numbers unquoted as JSON writes them, blanks empty.
    const fromCsv = await duck(`SELECT * FROM read_csv('${dir('csv')}/indicators.csv', header = true, all_varchar = true) `);
    expect(fromCsv.map((r) => Object.values(r))).toEqual(fromJson.map((r) => Object.values(r).map((v) => (v === null ? null : String(v)))));

    const filingsJson = ndjson(path.join(dir('ndjson'), 'filings.ndjson'));
    const filingsParquet = await duck(`SELECT * FROM read_parquet('${dir('parquet')}/filings.parquet') ORDER BY seq`);
    const filingsCsv = await duck(`SELECT * FROM read_csv('${dir('csv')}/filings.csv', header = true, all_varchar = true)`);
    filingsJson.forEach((r, i) => {
      const p = filingsParquet[i];
      expect(p.annual_total).toBe(r.annual_total);
      expect((p.imported_at as Date).toISOString()).toBe(r.imported_at);
      for (const c of ['project_extras', 'funding_extras', 'empty_groups', 'unmapped', 'warnings']) {
        expect(p[c], c).toBe(r[c]);
        expect(filingsCsv[i][c], c).toBe(r[c]);
      }
    });
    // The JSON columns are the record's own values, whichever store wrote them.
    const inStore = await stored(db);
    expect(filingsJson.map((r) => r.id)).toEqual(inStore.map((s) => s.record.id));
    for (const [i, { record }] of inStore.entries()) {
      expect(filingsJson[i]).toMatchObject({
        project_extras: canonicalJson(record.project.extras),
        funding_extras: canonicalJson(record.funding.extras),
        empty_groups: canonicalJson(record.emptyGroups),
        unmapped: canonicalJson(record.unmapped),
        warnings: canonicalJson(record.warnings),
      });
    }
    expect(filingsJson.find((r) => r.project_name === '基层医疗设备购置')).toMatchObject({
      empty_groups: '[{"level1":"产出指标","level1Code":"output","level2":"成本指标","level2Code":"cost"}]',
      indicator_count: 5,
    });
    const withWarning = filingsJson.find((r) => r.file_name === 'fengjie-2023.md')!;
    expect(JSON.parse(withWarning.warnings as string)).toEqual([{ code: expect.any(String), message: expect.stringMatching(/./) }]);
    expect(Object.keys(JSON.parse(withWarning.project_extras as string))).toHaveLength(7);
    expect(Object.keys(JSON.parse(filingsJson.find((r) => r.file_name === 'jiaxian-2016.md')!.funding_extras as string))).toHaveLength(2);
  }, 600_000);
});
