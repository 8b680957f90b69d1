// The first schema. Both dialects describe the same tables column for column, so a comparison query
// written for one runs on the other; they differ only in types (REAL/double precision, TEXT/JSONB,
// ISO text/timestamptz) and in how the change number is handed out.
import type { Migration } from './index.ts';

// Indexes the comparisons need that no key already gives: filings(sha256) is the leading column of
// UNIQUE (sha256, form_index), filings(seq) has its own UNIQUE; the rest are named below.
const COMPARISON_INDEXES = `
CREATE INDEX filings_fiscal_year ON filings (fiscal_year);
CREATE INDEX filings_department ON filings (department);
CREATE INDEX filings_project_name ON filings (project_name);
CREATE INDEX indicators_codes ON indicators (level1_code, level2_code);
CREATE INDEX indicators_name ON indicators (name);
`;

// One failure row per file: by content when we had bytes, else by path.
const FAILURE_KEYS = `
CREATE UNIQUE INDEX failures_by_sha256 ON failures (sha256) WHERE sha256 IS NOT NULL;
CREATE UNIQUE INDEX failures_by_path ON failures (path) WHERE sha256 IS NULL;
`;

const sqlite = `
CREATE TABLE uploads (
  sha256 TEXT PRIMARY KEY,
  file_name TEXT NOT NULL,
  path TEXT NOT NULL,
  size INTEGER NOT NULL,
  first_seen TEXT NOT NULL,
  last_seen TEXT NOT NULL
) STRICT;

CREATE TABLE filings (
  id TEXT PRIMARY KEY,
  sha256 TEXT NOT NULL REFERENCES uploads (sha256) ON DELETE CASCADE,
  form_index INTEGER NOT NULL,
  file_name TEXT NOT NULL,
  format TEXT NOT NULL,
  locator TEXT NOT NULL,
  fiscal_year INTEGER,
  title TEXT,
  department TEXT,
  department_code TEXT,
  implementing_unit TEXT,
  project_name TEXT,
  category TEXT,
  nature TEXT,
  attribute TEXT,
  planned_start TEXT,
  planned_end TEXT,
  funding_total REAL,
  funding_fiscal REAL,
  funding_other REAL,
  annual_total REAL,
  annual_appropriation REAL,
  prior_year_carryover REAL,
  annual_other REAL,
  record_json TEXT NOT NULL,
  record_hash TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  seq INTEGER NOT NULL UNIQUE,
  UNIQUE (sha256, form_index),
  CHECK (id = sha256 || ':' || form_index)
) STRICT;

-- SQLite has no sequences; this counter only grows, inside the write transaction that uses it.
CREATE TABLE counters (
  name TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) STRICT;
INSERT INTO counters (name, value) VALUES ('filings_seq', 0);

CREATE TABLE indicators (
  filing_id TEXT NOT NULL REFERENCES filings (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  horizon TEXT NOT NULL CHECK (horizon IN ('annual', 'overall')),
  level1 TEXT,
  level1_code TEXT,
  level2 TEXT,
  level2_code TEXT,
  name TEXT NOT NULL,
  target_raw TEXT,
  target_kind TEXT CHECK (target_kind IN ('numeric', 'range', 'qualitative')),
  target_op TEXT,
  target_value REAL,
  target_min REAL,
  target_max REAL,
  target_unit TEXT,
  explanation TEXT,
  basis TEXT,
  PRIMARY KEY (filing_id, position)
) STRICT;

CREATE TABLE failures (
  path TEXT NOT NULL,
  sha256 TEXT,
  code TEXT NOT NULL,
  message TEXT NOT NULL,
  failed_at TEXT NOT NULL
) STRICT;
${FAILURE_KEYS}${COMPARISON_INDEXES}`;

const postgres = `
CREATE TABLE uploads (
  sha256 text PRIMARY KEY,
  file_name text NOT NULL,
  path text NOT NULL,
  size bigint NOT NULL,
  first_seen timestamptz NOT NULL,
  last_seen timestamptz NOT NULL
);

-- Handed out under the store's write lock, so numbers also follow commit order (see postgres.ts).
CREATE SEQUENCE filings_seq;

CREATE TABLE filings (
  id text PRIMARY KEY,
  sha256 text NOT NULL REFERENCES uploads (sha256) ON DELETE CASCADE,
  form_index integer NOT NULL,
  file_name text NOT NULL,
  format text NOT NULL,
  locator text NOT NULL,
  fiscal_year integer,
  title text,
  department text,
  department_code text,
  implementing_unit text,
  project_name text,
  category text,
  nature text,
  attribute text,
  -- ISO text as in SQLite: sorts and compares the same, and node-pg doesn't turn it into local-time Dates.
  planned_start text,
  planned_end text,
  funding_total double precision,
  funding_fiscal double precision,
  funding_other double precision,
  annual_total double precision,
  annual_appropriation double precision,
  prior_year_carryover double precision,
  annual_other double precision,
  record_json jsonb NOT NULL,
  record_hash text NOT NULL,
  imported_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  seq bigint NOT NULL UNIQUE,
  UNIQUE (sha256, form_index),
  CHECK (id = sha256 || ':' || form_index)
);

CREATE TABLE indicators (
  filing_id text NOT NULL REFERENCES filings (id) ON DELETE CASCADE,
  position integer NOT NULL,
  horizon text NOT NULL CHECK (horizon IN ('annual', 'overall')),
  level1 text,
  level1_code text,
  level2 text,
  level2_code text,
  name text NOT NULL,
  target_raw text,
  target_kind text CHECK (target_kind IN ('numeric', 'range', 'qualitative')),
  target_op text,
  target_value double precision,
  target_min double precision,
  target_max double precision,
  target_unit text,
  explanation text,
  basis text,
  PRIMARY KEY (filing_id, position)
);

CREATE TABLE failures (
  path text NOT NULL,
  sha256 text,
  code text NOT NULL,
  message text NOT NULL,
  failed_at timestamptz NOT NULL
);
${FAILURE_KEYS}${COMPARISON_INDEXES}`;

export const migration: Migration = { name: '001-initial', sqlite, postgres };
