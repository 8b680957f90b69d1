// Every migration, in the order they run. A new one is a new numbered file plus one line here;
// a migration that has shipped is never edited (databases in the field already ran it).
import { migration as m001 } from './001-initial.ts';
import { migration as m002 } from './002-export-feed.ts';
import { migration as m003 } from './003-upload-names.ts';
import { migration as m004 } from './004-name-changes.ts';
import { migration as m005 } from './005-access.ts';
import { migration as m006 } from './006-sessions.ts';

export interface Migration {
  /** Stored in schema_migrations once run; the number prefix keeps the order readable. */
  name: string;
  sqlite: string;
  postgres: string;
}

export const MIGRATIONS: readonly Migration[] = [m001, m002, m003, m004, m005, m006];
