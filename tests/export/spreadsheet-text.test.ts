// The warehouse feed keeps the text of forms as it was written, except in CSV, which people open in
// a spreadsheet: there a text that begins like a formula gets a leading ' (the OWASP rule), while
// numbers, negative ones too, stay bare numbers.
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { filings } from '../helpers/cli.ts';
import { csvRecords } from '../helpers/csv.ts';
import { ESCAPES, FORMULAS, hostileForm } from '../helpers/hostile-text.ts';
import { tmpDir } from '../helpers/tmp.ts';

const tmp = tmpDir('filings-export-text-');
const env = { DATABASE_URL: '', FILINGS_DB: path.join(tmp.dir, 'filings.db'), FILINGS_UPLOADS: path.join(tmp.dir, 'uploads') };

beforeAll(async () => {
  fs.writeFileSync(path.join(tmp.dir, 'hostile.md'), hostileForm());
  expect((await filings(['import', path.join(tmp.dir, 'hostile.md')], env)).code).toBe(0);
}, 60_000);
afterAll(() => tmp.remove());

/** The one batch folder that an export run to a fresh folder writes. */
async function exported(format: string): Promise<string> {
  const out = path.join(tmp.dir, format);
  const run = await filings(['export', '--format', format, '--out', out], env);
  expect(run.code, run.stderr).toBe(0);
  const [batch] = fs.readdirSync(out);
  return path.join(out, batch);
}

const INDICATOR_NAMES = [FORMULAS.link, FORMULAS.at, FORMULAS.minus, `${ESCAPES}\x1b[31m红色指标\x1b[0m`];

it('CSV quotes formula-like text and keeps numbers bare', async () => {
  const dir = await exported('csv');
  const [filing] = csvRecords(path.join(dir, 'filings.csv'));
  expect(filing).toMatchObject({ project_name: `'${FORMULAS.project}`, funding_total: '-5', fiscal_year: '2021' });
  const indicators = csvRecords(path.join(dir, 'indicators.csv'));
  expect(indicators.map((r) => r.name)).toEqual([`'${FORMULAS.link}`, `'${FORMULAS.at}`, `'${FORMULAS.minus}`, INDICATOR_NAMES[3]]);
  expect(indicators.map((r) => r.target_raw)).toEqual(['100%', '80%', `'${FORMULAS.minus}`, '90%']);
  expect(indicators.map((r) => r.target_value)).toEqual(['100', '80', '', '90']);
});

it('ndjson keeps the raw text', async () => {
  const dir = await exported('ndjson');
  const read = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  expect(read('filings.ndjson')[0]).toMatchObject({ project_name: FORMULAS.project, funding_total: -5, department: `${ESCAPES}江城市某某局` });
  expect(read('indicators.ndjson').map((r) => r.name)).toEqual(INDICATOR_NAMES);
});

it('Parquet keeps the raw text', async () => {
  const dir = await exported('parquet');
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  try {
    const query = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS();
    expect(await query(`SELECT project_name, funding_total FROM read_parquet('${dir}/filings.parquet')`)).toEqual([
      { project_name: FORMULAS.project, funding_total: -5 },
    ]);
    const names = await query(`SELECT name FROM read_parquet('${dir}/indicators.parquet') ORDER BY position`);
    expect(names.map((r) => r.name)).toEqual(INDICATOR_NAMES);
  } finally {
    conn.closeSync();
    db.closeSync();
  }
});
