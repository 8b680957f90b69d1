// Names are exported to the warehouse feed (its file_names table), so each name row takes a change
// number when it is first recorded, from the same counter as filings and removals: an incremental
// export then carries the names recorded since the last one. Names recorded before this migration get
// fresh numbers, so the next incremental export carries them all and a warehouse misses none.
import type { Migration } from './index.ts';

const sqlite = `
ALTER TABLE upload_names ADD COLUMN seq INTEGER;
UPDATE upload_names SET seq = c.value + r.n
  FROM (SELECT rowid AS rid, row_number() OVER (ORDER BY rowid) AS n FROM upload_names) AS r, counters AS c
  WHERE c.name = 'filings_seq' AND upload_names.rowid = r.rid;
UPDATE counters SET value = value + (SELECT count(*) FROM upload_names) WHERE name = 'filings_seq';
CREATE UNIQUE INDEX upload_names_by_seq ON upload_names (seq);
`;

const postgres = `
ALTER TABLE upload_names ADD COLUMN seq bigint;
UPDATE upload_names SET seq = nextval('filings_seq');
CREATE UNIQUE INDEX upload_names_by_seq ON upload_names (seq);
`;

export const migration: Migration = { name: '004-name-changes', sqlite, postgres };
