// Every name a content was imported under. A file's name is data about its bytes, not part of what
// they say: the same bytes sent as seed.md and as seed-copy.md are one upload with two names. Before
// this, uploads kept only the latest name, and a reparse rewrote the records under it, so a byte-for-
// byte copy showed up in the feed as a changed filing. From here on uploads.file_name and .path stay
// the first name and path (what source.file shows), and upload_names keeps them all, with when.
import type { Migration } from './index.ts';

// What the store knew before is backfilled: the name and path the uploads row holds (its latest), and
// the name the stored records show where that differs (the name the content was stored under first,
// before a later import overwrote the uploads row; its path was never kept, hence NULL). The uploads
// row then takes the name its records show, so that no record's source.file moves.
const backfill = `
INSERT INTO upload_names (sha256, file_name, path, first_seen, last_seen)
SELECT u.sha256, u.file_name, u.path,
  CASE WHEN EXISTS (SELECT 1 FROM filings f WHERE f.sha256 = u.sha256 AND f.file_name <> u.file_name)
    THEN u.last_seen ELSE u.first_seen END,
  u.last_seen
FROM uploads u;

INSERT INTO upload_names (sha256, file_name, path, first_seen, last_seen)
SELECT f.sha256, f.file_name, NULL, min(f.imported_at), min(f.imported_at)
FROM filings f JOIN uploads u ON u.sha256 = f.sha256
WHERE f.file_name <> u.file_name
GROUP BY f.sha256, f.file_name;

UPDATE uploads SET file_name = (SELECT min(f.file_name) FROM filings f WHERE f.sha256 = uploads.sha256)
WHERE EXISTS (SELECT 1 FROM filings f WHERE f.sha256 = uploads.sha256 AND f.file_name <> uploads.file_name);
`;

// One row per name and path; a name backfilled without a path is one row per name.
const keys = `
CREATE UNIQUE INDEX upload_names_by_path ON upload_names (sha256, path, file_name) WHERE path IS NOT NULL;
CREATE UNIQUE INDEX upload_names_without_path ON upload_names (sha256, file_name) WHERE path IS NULL;
`;

const sqlite = `
CREATE TABLE upload_names (
  sha256 TEXT NOT NULL REFERENCES uploads (sha256) ON DELETE CASCADE,
  file_name TEXT NOT NULL,
  path TEXT,
  first_seen TEXT NOT NULL,
  last_seen TEXT NOT NULL
) STRICT;
${keys}${backfill}`;

const postgres = `
CREATE TABLE upload_names (
  sha256 text NOT NULL REFERENCES uploads (sha256) ON DELETE CASCADE,
  file_name text NOT NULL,
  path text,
  first_seen timestamptz NOT NULL,
  last_seen timestamptz NOT NULL
);
${keys}${backfill}`;

export const migration: Migration = { name: '003-upload-names', sqlite, postgres };
