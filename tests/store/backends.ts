// The two backends behind one shape, so the store suite runs unchanged against each: a fresh empty
// database per test, the options that open it, and a way to look at its tables directly.
import Database from 'better-sqlite3';
import pg from 'pg';
import path from 'node:path';
import { toPg } from '../../src/store/sql.ts';
import type { StoreOptions } from '../../src/store/open.ts';
import { startPostgres, type TestPostgres } from '../helpers/postgres.ts';
import { tmpDir } from '../helpers/tmp.ts';

export type Row = Record<string, unknown>;

export interface TestDb {
  opts: StoreOptions;
  /** Reads the tables without the store (`?` placeholders, as in src/store/sql.ts). */
  sql(query: string, params?: unknown[]): Promise<Row[]>;
  /** Runs a script of statements without the store: to shape a database as another version left it. */
  exec(script: string): Promise<void>;
}

export interface Backend {
  name: 'sqlite' | 'postgres';
  start(): Promise<void>;
  stop(): Promise<void>;
  fresh(): Promise<TestDb>;
}

export function sqliteBackend(): Backend {
  let tmp: ReturnType<typeof tmpDir> | undefined;
  let n = 0;
  return {
    name: 'sqlite',
    async start() {
      tmp = tmpDir('filings-store-');
    },
    async stop() {
      tmp?.remove();
    },
    async fresh() {
      // A folder that does not exist yet: opening must create it.
      const file = path.join(tmp!.dir, `db-${++n}`, 'filings.db');
      return {
        opts: { db: file },
        async sql(query, params = []) {
          const db = new Database(file, { readonly: true });
          try {
            return db.prepare(query).all(...params) as Row[];
          } finally {
            db.close();
          }
        },
        async exec(script) {
          const db = new Database(file, { fileMustExist: true });
          try {
            db.exec(script);
          } finally {
            db.close();
          }
        },
      };
    },
  };
}

export function postgresBackend(): Backend {
  let server: TestPostgres | undefined;
  return {
    name: 'postgres',
    async start() {
      server = await startPostgres();
    },
    async stop() {
      await server?.stop();
    },
    async fresh() {
      const url = await server!.createDatabase();
      return {
        opts: { databaseUrl: url },
        async sql(query, params = []) {
          const client = new pg.Client({ connectionString: url });
          await client.connect();
          try {
            return (await client.query(toPg(query), params)).rows;
          } finally {
            await client.end();
          }
        },
        async exec(script) {
          const client = new pg.Client({ connectionString: url });
          await client.connect();
          try {
            await client.query(script);
          } finally {
            await client.end();
          }
        },
      };
    },
  };
}

/** A JSON column as a value: SQLite hands back text, Postgres a parsed JSONB value. */
export function json(v: unknown): unknown {
  return typeof v === 'string' ? JSON.parse(v) : v;
}
