// What the nightly feed needs from the store: where each feed got to, and a trace of every form that
// left the store, so a warehouse that copied it can drop it too (a changed form needs nothing here: it
// keeps its id and gets a new seq, so it is simply exported again).
import type { Migration } from './index.ts';

const sqlite = `
-- One row per feed (its format and output folder): the highest seq it has completely written.
CREATE TABLE export_cursors (
  name TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  exported_at TEXT NOT NULL
) STRICT;

-- seq comes from the same counter as filings.seq, so a removal and a later re-import of the same
-- form are ordered the way they happened.
CREATE TABLE filing_removals (
  id TEXT NOT NULL,
  seq INTEGER NOT NULL UNIQUE,
  removed_at TEXT NOT NULL
) STRICT;
`;

const postgres = `
CREATE TABLE export_cursors (
  name text PRIMARY KEY,
  seq bigint NOT NULL,
  exported_at timestamptz NOT NULL
);

CREATE TABLE filing_removals (
  id text NOT NULL,
  seq bigint NOT NULL UNIQUE,
  removed_at timestamptz NOT NULL
);
`;

export const migration: Migration = { name: '002-export-feed', sqlite, postgres };
