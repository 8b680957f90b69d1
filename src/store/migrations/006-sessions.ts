// Login sessions of the workspace (filings serve), kept in the store so that a restart or a second
// serve process behind the same database does not sign everyone out. A session is kept by the sha256
// of its id, as a token is: the store never holds what a browser could present.
import type { Migration } from './index.ts';

const sqlite = `
CREATE TABLE sessions (
  id_hash TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL REFERENCES api_tokens (token_hash),
  expires_at TEXT NOT NULL
) STRICT;
CREATE INDEX sessions_expires ON sessions (expires_at);
`;

const postgres = `
CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  token_hash text NOT NULL REFERENCES api_tokens (token_hash),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_expires ON sessions (expires_at);
`;

export const migration: Migration = { name: '006-sessions', sqlite, postgres };
