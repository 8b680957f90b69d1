// The two flat tables of the warehouse feed (and the list of removed forms), as the store hands them
// out: every column with its type, once, so each export format writes the same typed columns.
// Together the two tables hold the whole record: what has no flat column of its own (extras, empty
// groups, unmapped cells, warnings with their messages) travels as JSON text, so nothing the reader
// found is lost on the way to the warehouse.
import type { FilingRecord } from '../schema.ts';
import { canonicalJson } from './canonical-json.ts';
import type { Row } from './rows.ts';

export type FeedType = 'string' | 'int' | 'bigint' | 'double' | 'date' | 'timestamp' | 'json';

/**
 * A date is ISO `YYYY-MM-DD` text (a calendar day has no time zone); a timestamp is a Date; json is
 * the JSON text of the record's value, keys sorted, so both stores write the same bytes (JSONB
 * reorders keys).
 */
export type FeedValue<T extends FeedType> = T extends 'string' | 'date' | 'json' ? string : T extends 'timestamp' ? Date : number;

export type FeedColumns = Readonly<Record<string, FeedType>>;
export type FeedRow<C extends FeedColumns> = { -readonly [K in keyof C]: FeedValue<C[K]> | null };

export const FEED_FILING_COLUMNS = {
  id: 'string',
  seq: 'bigint',
  sha256: 'string',
  form_index: 'int',
  file_name: 'string',
  format: 'string',
  locator: 'string',
  fiscal_year: 'int',
  title: 'string',
  department: 'string',
  department_code: 'string',
  implementing_unit: 'string',
  project_name: 'string',
  category: 'string',
  nature: 'string',
  attribute: 'string',
  planned_start: 'date',
  planned_end: 'date',
  // project.extras: rows of the form's header that have no column of their own, label → text.
  project_extras: 'json',
  funding_total: 'double',
  funding_fiscal: 'double',
  funding_other: 'double',
  annual_total: 'double',
  annual_appropriation: 'double',
  prior_year_carryover: 'double',
  annual_other: 'double',
  // funding.extras: funding lines that have no column of their own, label → 万元.
  funding_extras: 'json',
  goals_overall_period: 'string',
  goals_overall: 'string',
  goals_annual: 'string',
  indicator_count: 'int',
  empty_groups: 'json',
  unmapped: 'json',
  warnings: 'json',
  imported_at: 'timestamp',
  updated_at: 'timestamp',
} as const satisfies FeedColumns;

export const FEED_INDICATOR_COLUMNS = {
  filing_id: 'string',
  seq: 'bigint',
  position: 'int',
  fiscal_year: 'int',
  department: 'string',
  department_code: 'string',
  project_name: 'string',
  horizon: 'string',
  level1: 'string',
  level1_code: 'string',
  level2: 'string',
  level2_code: 'string',
  name: 'string',
  target_raw: 'string',
  target_kind: 'string',
  target_op: 'string',
  target_value: 'double',
  target_min: 'double',
  target_max: 'double',
  target_unit: 'string',
  explanation: 'string',
  basis: 'string',
} as const satisfies FeedColumns;

export const FEED_REMOVAL_COLUMNS = {
  id: 'string',
  seq: 'bigint',
  removed_at: 'timestamp',
} as const satisfies FeedColumns;

// Every name a content was imported under: data about the file (its sha256), not about its forms.
export const FEED_NAME_COLUMNS = {
  seq: 'bigint',
  sha256: 'string',
  file_name: 'string',
  path: 'string',
  first_seen: 'timestamp',
} as const satisfies FeedColumns;

export type FeedName = FeedRow<typeof FEED_NAME_COLUMNS>;
export type FeedFiling = FeedRow<typeof FEED_FILING_COLUMNS>;
export type FeedIndicator = FeedRow<typeof FEED_INDICATOR_COLUMNS>;
export type FeedRemoval = FeedRow<typeof FEED_REMOVAL_COLUMNS>;

/** One page of the feed: filings in seq order and the indicators of exactly those filings. */
export interface FeedPage {
  filings: FeedFiling[];
  indicators: FeedIndicator[];
}

// The engines hand back different JS types (Postgres: bigint as text, timestamptz as Date, JSONB
// parsed; SQLite: numbers and text), so each value is coerced to its column's type here.
function coerce(type: FeedType, v: unknown): string | number | Date | null {
  if (v === null || v === undefined) return null;
  switch (type) {
    case 'string':
    case 'date':
    case 'json':
      return String(v);
    case 'timestamp':
      return v instanceof Date ? v : new Date(String(v));
    default:
      return Number(v);
  }
}

export function toFeedRow<C extends FeedColumns>(columns: C, row: Row): FeedRow<C> {
  const out: Record<string, unknown> = {};
  for (const [name, type] of Object.entries(columns)) out[name] = coerce(type, row[name]);
  return out as FeedRow<C>;
}

export function toFeedFiling(row: Row): FeedFiling {
  const record = (typeof row.record_json === 'string' ? JSON.parse(row.record_json) : row.record_json) as FilingRecord;
  return toFeedRow(FEED_FILING_COLUMNS, {
    ...row,
    project_extras: canonicalJson(record.project.extras),
    funding_extras: canonicalJson(record.funding.extras),
    goals_overall_period: record.goals.overallPeriod,
    goals_overall: record.goals.overall,
    goals_annual: record.goals.annual,
    indicator_count: record.indicators.length,
    empty_groups: canonicalJson(record.emptyGroups),
    unmapped: canonicalJson(record.unmapped),
    warnings: canonicalJson(record.warnings),
  });
}
