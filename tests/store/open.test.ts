// Which backend openStore picks, what it does with a SQLite path that doesn't exist yet, and that only
// the commands that bring files in may make a store.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { NoStoreError, StoreOutdatedError } from '../../src/store/errors.ts';
import { DEFAULT_DB, openStore, storeTarget } from '../../src/store/open.ts';
import { tmpDir } from '../helpers/tmp.ts';

describe('storeTarget', () => {
  const url = 'postgresql://u:secret@db.example:5432/filings';

  it('uses PostgreSQL for a postgres:// or postgresql:// URL, given or from DATABASE_URL', () => {
    expect(storeTarget({ databaseUrl: url }, {})).toEqual({ kind: 'postgres', url });
    expect(storeTarget({ databaseUrl: 'postgres://h/db' }, {})).toEqual({ kind: 'postgres', url: 'postgres://h/db' });
    expect(storeTarget({}, { DATABASE_URL: url })).toEqual({ kind: 'postgres', url });
  });

  it('uses SQLite otherwise: the given file, FILINGS_DB, then the default', () => {
    expect(storeTarget({ db: 'x.db' }, { FILINGS_DB: 'y.db' })).toEqual({ kind: 'sqlite', file: 'x.db' });
    expect(storeTarget({}, { FILINGS_DB: 'y.db' })).toEqual({ kind: 'sqlite', file: 'y.db' });
    expect(storeTarget({}, {})).toEqual({ kind: 'sqlite', file: DEFAULT_DB });
  });

  it('lets what was asked for win over the environment', () => {
    expect(storeTarget({ db: 'x.db' }, { DATABASE_URL: url })).toEqual({ kind: 'sqlite', file: 'x.db' });
    expect(storeTarget({ databaseUrl: url, db: 'x.db' }, {})).toEqual({ kind: 'postgres', url });
  });

  it('refuses a URL of another kind instead of quietly writing to a local file, without showing its password', () => {
    expect(() => storeTarget({ databaseUrl: 'mysql://u:secret@h/db' }, {})).toThrow('unsupported database URL (expected postgres:// or postgresql://): mysql://u:***@h/db');
    expect(() => storeTarget({ databaseUrl: 'mysql://u:secret@h/db' }, {})).not.toThrow(/secret/);
    expect(() => storeTarget({}, { DATABASE_URL: 'postgress://h/db' })).toThrow(/unsupported database URL/);
  });
});

describe('openStore with SQLite', () => {
  it('creates the folders of a new database file and opens it in WAL mode', async () => {
    const tmp = tmpDir();
    try {
      const file = path.join(tmp.dir, 'a', 'b', 'filings.db');
      const store = await openStore({ db: file });
      expect(store.kind).toBe('sqlite');
      expect(await store.counts()).toEqual({ uploads: 0, filings: 0, indicators: 0, failures: 0 });
      await store.close();
      expect(fs.existsSync(file)).toBe(true);
      expect(fs.readFileSync(file).subarray(18, 20)).toEqual(Buffer.from([2, 2])); // header bytes 18-19: WAL
    } finally {
      tmp.remove();
    }
  });

  it('reports a file it cannot open as a store error', async () => {
    const tmp = tmpDir();
    try {
      const notADb = path.join(tmp.dir, 'notes.db');
      fs.writeFileSync(notADb, 'this is not a database, just some text that is long enough to have a header');
      await expect(openStore({ db: notADb })).rejects.toThrow(/sqlite store: .*notes\.db.*not a database/);
    } finally {
      tmp.remove();
    }
  });
});

describe('openStore with PostgreSQL', () => {
  it('reports a server it cannot reach as a store error, without the password', async () => {
    const failed = openStore({ databaseUrl: 'postgresql://u:secret@127.0.0.1:1/filings' });
    await expect(failed).rejects.toThrow(/^postgres store: opening postgresql:\/\/u:\*\*\*@127\.0\.0\.1:1\/filings: .*ECONNREFUSED/);
    await expect(failed).rejects.not.toThrow(/secret/);
  });
});

describe('openStore for a command that only reads or upgrades', () => {
  it('finds no store where there is no file, and leaves no file or folder behind', async () => {
    const tmp = tmpDir();
    try {
      const file = path.join(tmp.dir, 'no', 'such', 'filings.db');
      for (const mode of ['read', 'upgrade'] as const) {
        const failed = openStore({ db: file }, mode);
        await expect(failed).rejects.toBeInstanceOf(NoStoreError);
        await expect(failed).rejects.toThrow(`no store at ${file}`);
      }
      expect(fs.readdirSync(tmp.dir)).toEqual([]);
    } finally {
      tmp.remove();
    }
  });

  it('finds no store in an empty file, and leaves it empty', async () => {
    const tmp = tmpDir();
    try {
      const file = path.join(tmp.dir, 'empty.db');
      fs.writeFileSync(file, '');
      await expect(openStore({ db: file }, 'read')).rejects.toBeInstanceOf(NoStoreError);
      expect(fs.readdirSync(tmp.dir)).toEqual(['empty.db']);
      expect(fs.statSync(file).size).toBe(0);
    } finally {
      tmp.remove();
    }
  });

  it('opens an existing store as it is, and refuses one whose schema is behind rather than upgrading it', async () => {
    const tmp = tmpDir();
    try {
      const file = path.join(tmp.dir, 'filings.db');
      await (await openStore({ db: file })).close();
      const reader = await openStore({ db: file }, 'read');
      expect(await reader.counts()).toEqual({ uploads: 0, filings: 0, indicators: 0, failures: 0 });
      await reader.close();

      const db = new Database(file);
      db.exec(`DROP TABLE upload_names; DELETE FROM schema_migrations WHERE name = '003-upload-names'`);
      db.close();
      const outdated = openStore({ db: file }, 'read');
      await expect(outdated).rejects.toBeInstanceOf(StoreOutdatedError);
      await expect(outdated).rejects.toThrow(`the store at ${file} needs upgrading (pending migrations: 003-upload-names)`);

      await (await openStore({ db: file }, 'upgrade')).close();
      await (await openStore({ db: file }, 'read')).close();
    } finally {
      tmp.remove();
    }
  });
});
