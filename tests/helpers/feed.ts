// What the feed tests share: running `filings export` as cron would, the store's filings as the
// warehouse should end up holding them, and what `filings reparse` does to the store when a file now
// reads differently (the reader can't be made to read a fixture differently, so the store is given the
// records such a reparse would produce, through the same store call).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { readRecords } from '../../src/read-records.ts';
import type { FilingRecord } from '../../src/schema.ts';
import { openStore } from '../../src/store/open.ts';
import { json, type TestDb } from '../store/backends.ts';
import { filings, fixture, type Run } from './cli.ts';

export async function exportRun(env: NodeJS.ProcessEnv, format: string, out: string, ...more: string[]): Promise<Run> {
  const run = await filings(['export', '--format', format, '--out', out, ...more], env);
  expect(run.code, run.stderr).toBe(0);
  return run;
}

/** The batch folders of a feed folder, in name order. */
export const batchFolders = (out: string) => (fs.existsSync(out) ? fs.readdirSync(out).filter((n) => /^\d{8}-/.test(n)).sort() : []);

export interface StoredFiling {
  seq: number;
  importedAt: number;
  updatedAt: number;
  record: FilingRecord;
}

/** Every filing in the store by id, read from its tables directly. */
export async function storeState(db: TestDb): Promise<Map<string, StoredFiling>> {
  const rows = await db.sql('SELECT id, seq, imported_at, updated_at, record_json FROM filings ORDER BY id');
  const ms = (v: unknown) => (v instanceof Date ? v : new Date(String(v))).getTime();
  return new Map(
    rows.map((r) => [
      String(r.id),
      { seq: Number(r.seq), importedAt: ms(r.imported_at), updatedAt: ms(r.updated_at), record: json(r.record_json) as FilingRecord },
    ]),
  );
}

/** Every name the store holds, as [sha256, file_name, path], sorted as Warehouse.fileNames sorts. */
export async function storeNames(db: TestDb): Promise<string[][]> {
  const rows = await db.sql('SELECT sha256, file_name, path FROM upload_names');
  const key = (r: string[]) => r.join('\u0000');
  return rows.map((r) => [String(r.sha256), String(r.file_name), r.path === null ? null : String(r.path)] as string[]).sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Stores, for one fixture file, the records a reparse would write if the file now read as `pick` says. */
export async function reparseAs(db: TestDb, file: string, pick: (records: FilingRecord[]) => FilingRecord[]): Promise<void> {
  const bytes = fs.readFileSync(fixture(file));
  const { records } = await readRecords(bytes, path.basename(file));
  const upload = { sha256: createHash('sha256').update(bytes).digest('hex'), fileName: path.basename(file), path: fixture(file), size: bytes.length };
  const store = await openStore(db.opts);
  try {
    await store.saveRecords(upload, pick(records), { replace: true });
  } finally {
    await store.close();
  }
}
