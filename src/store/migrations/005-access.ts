// Who may use the service (filings serve): API tokens, kept only as their sha256 (a token is shown
// once, when made, and cannot be read back from the store), and which token uploaded which content,
// so that a department's uploader sees its own uploads and no one else's. An upload's row in
// `uploads` is written when its job runs; the owner row is written when the bytes arrive, hence no
// foreign key between them.
import type { Migration } from './index.ts';

const sqlite = `
CREATE TABLE api_tokens (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('uploader', 'auditor', 'admin')),
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  revoked_at TEXT
) STRICT;
CREATE TABLE upload_owners (
  sha256 TEXT NOT NULL,
  token_id TEXT NOT NULL REFERENCES api_tokens (id),
  file_name TEXT NOT NULL,
  uploaded_at TEXT NOT NULL,
  PRIMARY KEY (sha256, token_id)
) STRICT;
`;

const postgres = `
CREATE TABLE api_tokens (
  id text PRIMARY KEY,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('uploader', 'auditor', 'admin')),
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE TABLE upload_owners (
  sha256 text NOT NULL,
  token_id text NOT NULL REFERENCES api_tokens (id),
  file_name text NOT NULL,
  uploaded_at timestamptz NOT NULL,
  PRIMARY KEY (sha256, token_id)
);
`;

export const migration: Migration = { name: '005-access', sqlite, postgres };
