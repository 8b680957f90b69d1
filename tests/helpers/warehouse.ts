// A warehouse in DuckDB that loads a feed folder exactly as the README tells one to, knowing nothing
// of this program but the folder: batch folders in name order; a full snapshot replaces everything;
// an incremental batch upserts its filings by id, replaces the indicators of each of them, and deletes
// its removed ids, and adds its file names (upsert by seq). Every file is checked against its manifest's SHA-256 and row count first. Then the
// tables are turned back into records, to compare with what the store holds.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { FilingRecordSchema, type FilingRecord, type Indicator } from '../../src/schema.ts';

type Obj = Record<string, unknown>;
type Columns = Record<string, string>;

interface ManifestTable {
  file: string;
  rows: number;
  bytes: number;
  sha256: string;
  columns: Columns;
}
export interface Manifest {
  run: number;
  kind: 'full' | 'incremental';
  format: 'ndjson' | 'csv' | 'parquet';
  afterSeq: number;
  upToSeq: number;
  tables: { filings: ManifestTable; indicators: ManifestTable; file_names: ManifestTable; removed?: ManifestTable };
}

const DUCK: Record<string, string> = {
  string: 'VARCHAR',
  int: 'INTEGER',
  bigint: 'BIGINT',
  double: 'DOUBLE',
  date: 'DATE',
  timestamp: 'TIMESTAMPTZ',
  json: 'JSON',
};
type SourceTable = 'filings' | 'indicators' | 'removed' | 'file_names';

/** Batch folders: everything else in the feed folder (feed.json, hidden names) is not loaded. */
export const BATCH = /^\d{8}-(full|incr)-/;

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

export const readManifest = (dir: string): Manifest => JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));

export class Warehouse {
  private readonly db: DuckDBInstance;
  readonly conn: DuckDBConnection;

  private constructor(db: DuckDBInstance, conn: DuckDBConnection) {
    this.db = db;
    this.conn = conn;
  }

  static async open(): Promise<Warehouse> {
    const db = await DuckDBInstance.create(':memory:');
    return new Warehouse(db, await db.connect());
  }

  close(): void {
    this.conn.closeSync();
    this.db.closeSync();
  }

  async rows(sql: string): Promise<Obj[]> {
    return (await this.conn.runAndReadAll(sql)).getRowObjectsJS() as Obj[];
  }

  private created = false;

  /** Loads every batch of the feed folder not loaded yet, in name order; returns their names. */
  async loadFeed(feedDir: string, loaded = new Set<string>()): Promise<string[]> {
    const names = fs.readdirSync(feedDir).filter((n) => BATCH.test(n)).sort();
    const todo = names.filter((n) => !loaded.has(n));
    for (const name of todo) {
      await this.loadBatch(path.join(feedDir, name));
      loaded.add(name);
    }
    return todo;
  }

  async loadBatch(dir: string): Promise<void> {
    const m = readManifest(dir);
    for (const t of Object.values(m.tables)) {
      const bytes = fs.readFileSync(path.join(dir, t.file));
      if (createHash('sha256').update(bytes).digest('hex') !== t.sha256 || bytes.length !== t.bytes) {
        throw new Error(`${dir}/${t.file} does not match its manifest`);
      }
    }
    if (!this.created) {
      for (const table of ['filings', 'indicators', 'file_names'] as const) {
        const cols = Object.entries(m.tables[table].columns).map(([c, type]) => `${c} ${DUCK[type]}`);
        await this.conn.run(`CREATE TABLE ${table} (${cols.join(', ')})`);
      }
      this.created = true;
    }
    const src = (table: SourceTable) => this.source(dir, m, table);
    await this.conn.run('BEGIN');
    if (m.kind === 'full') {
      await this.conn.run('DELETE FROM indicators');
      await this.conn.run('DELETE FROM filings');
      await this.conn.run('DELETE FROM file_names');
    } else {
      await this.conn.run(`DELETE FROM file_names WHERE seq IN (SELECT seq FROM ${src('file_names')})`);
      await this.conn.run(`DELETE FROM indicators WHERE filing_id IN (SELECT id FROM ${src('filings')})`);
      await this.conn.run(`DELETE FROM filings WHERE id IN (SELECT id FROM ${src('filings')})`);
    }
    await this.conn.run(`INSERT INTO filings SELECT * FROM ${src('filings')}`);
    await this.conn.run(`INSERT INTO indicators SELECT * FROM ${src('indicators')}`);
    await this.conn.run(`INSERT INTO file_names SELECT * FROM ${src('file_names')}`);
    if (m.kind === 'incremental') {
      await this.conn.run(`DELETE FROM indicators WHERE filing_id IN (SELECT id FROM ${src('removed')})`);
      await this.conn.run(`DELETE FROM filings WHERE id IN (SELECT id FROM ${src('removed')})`);
    }
    await this.conn.run('COMMIT');
  }

  /** A table of a batch as a DuckDB relation, typed by the manifest alone (CSV and ndjson carry no types). */
  private source(dir: string, m: Manifest, table: SourceTable): string {
    const t = m.tables[table]!;
    const file = quote(path.join(dir, t.file));
    const cols = Object.entries(t.columns);
    // An empty ndjson file has no rows to read a shape from; the manifest's column types give it one.
    if (t.rows === 0) return `(SELECT ${cols.map(([c, type]) => `NULL::${DUCK[type]} AS ${c}`).join(', ')} LIMIT 0)`;
    // JSON columns are JSON text in every format: read as text, typed JSON when inserted.
    const spec = `{${cols.map(([c, type]) => `${quote(c)}: ${quote(type === 'json' ? 'VARCHAR' : DUCK[type])}`).join(', ')}}`;
    if (m.format === 'parquet') return `read_parquet(${file})`;
    if (m.format === 'ndjson') return `read_json(${file}, format = 'newline_delimited', columns = ${spec})`;
    return `read_csv(${file}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', columns = ${spec})`;
  }

  /** The warehouse's file names as [sha256, file_name, path], sorted. */
  async fileNames(): Promise<string[][]> {
    const rows = await this.rows('SELECT sha256, file_name, path FROM file_names');
    const key = (r: string[]) => r.join('\u0000');
    return rows.map((r) => [r.sha256, r.file_name, r.path] as string[]).sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  }

  /** The warehouse's filings turned back into records (checked against the record schema), by id. */
  async records(): Promise<Map<string, { seq: number; importedAt: number; updatedAt: number; record: FilingRecord }>> {
    const filings = await this.rows(`SELECT * REPLACE (seq::DOUBLE AS seq, planned_start::VARCHAR AS planned_start,
        planned_end::VARCHAR AS planned_end, epoch_ms(imported_at)::DOUBLE AS imported_at, epoch_ms(updated_at)::DOUBLE AS updated_at)
      FROM filings ORDER BY id`);
    const indicators = await this.rows('SELECT * FROM indicators ORDER BY filing_id, position');
    const byFiling = new Map<string, Obj[]>();
    for (const i of indicators) byFiling.set(i.filing_id as string, [...(byFiling.get(i.filing_id as string) ?? []), i]);
    const out = new Map<string, { seq: number; importedAt: number; updatedAt: number; record: FilingRecord }>();
    for (const f of filings) {
      const inds = byFiling.get(f.id as string) ?? [];
      inds.forEach((i, n) => {
        if (i.position !== n) throw new Error(`filing ${f.id}: indicator positions are not 0..n-1`);
      });
      if (f.indicator_count !== inds.length) throw new Error(`filing ${f.id}: indicator_count ${f.indicator_count}, ${inds.length} rows`);
      out.set(f.id as string, { seq: f.seq as number, importedAt: f.imported_at as number, updatedAt: f.updated_at as number, record: recordOf(f, inds) });
    }
    if (indicators.some((i) => !out.has(i.filing_id as string))) throw new Error('indicators of a filing the warehouse does not hold');
    return out;
  }
}

const json = (v: unknown) => JSON.parse(v as string);

function recordOf(f: Obj, inds: Obj[]): FilingRecord {
  return FilingRecordSchema.parse({
    schemaVersion: 1,
    id: f.id,
    source: { file: f.file_name, format: f.format, sha256: f.sha256, formIndex: f.form_index, locator: f.locator },
    form: { title: f.title, fiscalYear: f.fiscal_year },
    project: {
      name: f.project_name,
      category: f.category,
      nature: f.nature,
      attribute: f.attribute,
      department: f.department,
      departmentCode: f.department_code,
      implementingUnit: f.implementing_unit,
      plannedStart: f.planned_start,
      plannedEnd: f.planned_end,
      extras: json(f.project_extras),
    },
    funding: {
      unit: '万元',
      total: f.funding_total,
      fiscal: f.funding_fiscal,
      other: f.funding_other,
      annualTotal: f.annual_total,
      annualAppropriation: f.annual_appropriation,
      priorYearCarryover: f.prior_year_carryover,
      annualOther: f.annual_other,
      extras: json(f.funding_extras),
    },
    goals: { overallPeriod: f.goals_overall_period, overall: f.goals_overall, annual: f.goals_annual },
    indicators: inds.map(indicatorOf),
    emptyGroups: json(f.empty_groups),
    unmapped: json(f.unmapped),
    warnings: json(f.warnings),
  });
}

function indicatorOf(i: Obj): Indicator {
  const unit = i.target_unit as string | null;
  const target =
    i.target_kind === null
      ? null
      : i.target_kind === 'numeric'
        ? { raw: i.target_raw, kind: 'numeric', op: i.target_op, value: i.target_value, unit }
        : i.target_kind === 'range'
          ? { raw: i.target_raw, kind: 'range', min: i.target_min, max: i.target_max, unit }
          : { raw: i.target_raw, kind: 'qualitative' };
  return {
    horizon: i.horizon,
    level1: i.level1,
    level1Code: i.level1_code,
    level2: i.level2,
    level2Code: i.level2_code,
    name: i.name,
    target,
    explanation: i.explanation,
    basis: i.basis,
  } as Indicator;
}
