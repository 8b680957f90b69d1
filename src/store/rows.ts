// Records ↔ table rows, the same for every backend. Columns are listed once here; the SQL in sql.ts
// is built from these lists so a column can't be added to one statement and forgotten in another.
import { createHash } from 'node:crypto';
import type { ErrorCode } from '../../parsers/errors.ts';
import type { FilingRecord, Indicator } from '../schema.ts';
import { canonicalJson } from './canonical-json.ts';
import type { FailureRow, Role, TokenRow, UploadInfo, UploadName } from './store.ts';

export type SqlValue = string | number | null;
export type Row = Record<string, unknown>;

export const FILING_COLUMNS = [
  'id', 'sha256', 'form_index', 'file_name', 'format', 'locator',
  'fiscal_year', 'title', 'department', 'department_code', 'implementing_unit',
  'project_name', 'category', 'nature', 'attribute', 'planned_start', 'planned_end',
  'funding_total', 'funding_fiscal', 'funding_other',
  'annual_total', 'annual_appropriation', 'prior_year_carryover', 'annual_other',
  'record_json', 'record_hash', 'imported_at', 'updated_at', 'seq',
] as const;
export type FilingColumn = (typeof FILING_COLUMNS)[number];

/** Columns a rewrite leaves alone: the identity and when the record first arrived. */
export const FILING_KEEP_ON_UPDATE: readonly FilingColumn[] = ['id', 'sha256', 'imported_at'];

export const INDICATOR_COLUMNS = [
  'filing_id', 'position', 'horizon', 'level1', 'level1_code', 'level2', 'level2_code', 'name',
  'target_raw', 'target_kind', 'target_op', 'target_value', 'target_min', 'target_max', 'target_unit',
  'explanation', 'basis',
] as const;
export type IndicatorColumn = (typeof INDICATOR_COLUMNS)[number];

/** Identifies a record's content: equal hashes mean re-saving it would change nothing. */
export function recordHash(record: FilingRecord): string {
  return createHash('sha256').update(canonicalJson(record)).digest('hex');
}

/**
 * What a record says, as one text: its canonical JSON without the name its file was read under. Names
 * are data about the bytes (Store.fileNames), so the same bytes under another name say the same thing.
 */
export function recordContent(record: FilingRecord): string {
  const { file: _name, ...source } = record.source;
  return canonicalJson({ ...record, source });
}

export function filingRow(record: FilingRecord, at: { hash: string; seq: number; now: string }): Record<FilingColumn, SqlValue> {
  const { source, form, project: p, funding: f } = record;
  return {
    id: record.id,
    sha256: source.sha256,
    form_index: source.formIndex,
    file_name: source.file,
    format: source.format,
    locator: source.locator,
    fiscal_year: form.fiscalYear,
    title: form.title,
    department: p.department,
    department_code: p.departmentCode,
    implementing_unit: p.implementingUnit,
    project_name: p.name,
    category: p.category,
    nature: p.nature,
    attribute: p.attribute,
    planned_start: p.plannedStart,
    planned_end: p.plannedEnd,
    funding_total: f.total,
    funding_fiscal: f.fiscal,
    funding_other: f.other,
    annual_total: f.annualTotal,
    annual_appropriation: f.annualAppropriation,
    prior_year_carryover: f.priorYearCarryover,
    annual_other: f.annualOther,
    record_json: JSON.stringify(record),
    record_hash: at.hash,
    imported_at: at.now,
    updated_at: at.now,
    seq: at.seq,
  };
}

export function indicatorRows(record: FilingRecord): Record<IndicatorColumn, SqlValue>[] {
  return record.indicators.map((ind, position) => indicatorRow(record.id, position, ind));
}

function indicatorRow(filingId: string, position: number, ind: Indicator): Record<IndicatorColumn, SqlValue> {
  const t = ind.target;
  return {
    filing_id: filingId,
    position,
    horizon: ind.horizon,
    level1: ind.level1,
    level1_code: ind.level1Code,
    level2: ind.level2,
    level2_code: ind.level2Code,
    name: ind.name,
    target_raw: t?.raw ?? null,
    target_kind: t?.kind ?? null,
    target_op: t?.kind === 'numeric' ? t.op : null,
    target_value: t?.kind === 'numeric' ? t.value : null,
    target_min: t?.kind === 'range' ? t.min : null,
    target_max: t?.kind === 'range' ? t.max : null,
    target_unit: t?.kind === 'numeric' || t?.kind === 'range' ? t.unit : null,
    explanation: ind.explanation,
    basis: ind.basis,
  };
}

export function valuesOf<C extends string>(columns: readonly C[], row: Record<C, SqlValue>): SqlValue[] {
  return columns.map((c) => row[c]);
}

// Postgres hands back bigint as text and timestamptz as Date; SQLite gives numbers and ISO text.
const num = (v: unknown): number => Number(v);
export const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v));

export function toUpload(row: Row): UploadInfo {
  return { sha256: String(row.sha256), fileName: String(row.file_name), path: String(row.path), size: num(row.size) };
}

export function toUploadName(row: Row): UploadName {
  return { fileName: String(row.file_name), path: row.path == null ? null : String(row.path), firstSeen: iso(row.first_seen), lastSeen: iso(row.last_seen) };
}

export function toFailure(row: Row): FailureRow {
  return {
    path: String(row.path),
    sha256: row.sha256 == null ? null : String(row.sha256),
    code: String(row.code) as ErrorCode,
    message: String(row.message),
    failedAt: iso(row.failed_at),
  };
}

export function toToken(row: Row): TokenRow {
  return {
    id: String(row.id),
    name: String(row.name),
    role: String(row.role) as Role,
    tokenHash: String(row.token_hash),
    createdAt: iso(row.created_at),
    revokedAt: row.revoked_at == null ? null : iso(row.revoked_at),
  };
}

export function toCount(v: unknown): number {
  return num(v);
}
