// The commands that read the store need one: run from the wrong folder, or given a wrong --db or URL,
// they say there is no store there and exit 2, and make nothing. Only import (and the worker) make one.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filings, fixture } from '../helpers/cli.ts';
import { storeEnv } from '../helpers/store-cli.ts';
import { tmpDir } from '../helpers/tmp.ts';
import { postgresBackend, sqliteBackend, type Backend } from '../store/backends.ts';

const HINT = '(import files first, or pass --db / FILINGS_DB / DATABASE_URL)';

const READERS: [string, string[]][] = [
  ['list', ['list']],
  ['failures', ['failures']],
  ['reparse', ['reparse']],
  ['export', ['export', '--format', 'ndjson', '--out', 'feed']],
  ['compare years', ['compare', 'years', '--project', '城区道路养护']],
  ['compare departments', ['compare', 'departments', '--year', '2023']],
  ['migrate', ['migrate']],
];

describe('in an empty folder, with no store named', () => {
  const tmp = tmpDir('filings-nostore-');
  const cwd = fs.realpathSync(tmp.dir);
  const env = { DATABASE_URL: '', FILINGS_DB: '', FILINGS_UPLOADS: undefined };
  afterAll(() => tmp.remove());

  it.each(READERS)('`filings %s` says there is no ./data/filings.db, exits 2 and creates nothing', async (_, args) => {
    const run = await filings(args, env, { cwd });
    expect(run).toEqual({ code: 2, stdout: '', stderr: `filings: no store at ${path.join(cwd, 'data/filings.db')} ${HINT}\n` });
    expect(fs.readdirSync(cwd)).toEqual([]);
  });

  it('`filings list --db /nonexistent/dir/f.db` names that file, exits 2 and creates no folder', async () => {
    expect(fs.existsSync('/nonexistent')).toBe(false);
    const run = await filings(['list', '--db', '/nonexistent/dir/f.db'], env, { cwd });
    expect(run).toEqual({ code: 2, stdout: '', stderr: `filings: no store at /nonexistent/dir/f.db ${HINT}\n` });
    expect(fs.existsSync('/nonexistent')).toBe(false);
  });

  it('a FILINGS_DB that is an empty file is no store either, and stays empty', async () => {
    const file = path.join(cwd, 'empty.db');
    fs.writeFileSync(file, '');
    try {
      const run = await filings(['export', '--format', 'csv', '--out', 'feed'], { ...env, FILINGS_DB: file }, { cwd });
      expect(run).toMatchObject({ code: 2, stderr: `filings: no store at ${file} ${HINT}\n` });
      expect(fs.statSync(file).size).toBe(0);
      expect(fs.readdirSync(cwd)).toEqual(['empty.db']);
    } finally {
      fs.rmSync(file);
    }
  });

  it('`filings import` is what makes the store, and then the readers find it', async () => {
    const imported = await filings(['import', fixture('seed.md')], env, { cwd });
    expect(imported.code).toBe(0);
    expect(fs.existsSync(path.join(cwd, 'data/filings.db'))).toBe(true);
    expect(fs.existsSync(path.join(cwd, 'data/uploads'))).toBe(true);
    const list = await filings(['list'], env, { cwd });
    expect(list).toMatchObject({ code: 0, stderr: 'filings: 1 filing\n' });
  });
});

describe.each([sqliteBackend(), postgresBackend()])('$name store', (backend: Backend) => {
  const tmp = tmpDir('filings-nostore-');
  beforeAll(() => backend.start());
  afterAll(async () => {
    await backend.stop();
    tmp.remove();
  });

  it('a database without our tables is no store: the readers exit 2 and create no table', async () => {
    const db = await backend.fresh();
    const env = storeEnv(db, path.join(tmp.dir, 'uploads'));
    const where = db.opts.databaseUrl ?? db.opts.db;
    for (const args of [['list'], ['failures'], ['export', '--format', 'ndjson', '--out', path.join(tmp.dir, 'feed')], ['reparse']]) {
      const run = await filings(args, env);
      expect(run, args.join(' ')).toEqual({ code: 2, stdout: '', stderr: `filings: no store at ${where} ${HINT}\n` });
    }
    if (backend.name === 'postgres') {
      expect(await db.sql(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`)).toEqual([]);
      const missing = new URL(db.opts.databaseUrl!);
      missing.pathname = '/no_such_database';
      const run = await filings(['list'], { ...env, DATABASE_URL: missing.toString() });
      expect(run).toMatchObject({ code: 2, stderr: `filings: no store at ${missing} ${HINT}\n` });
    } else {
      expect(fs.existsSync(path.dirname(db.opts.db!))).toBe(false);
    }
  });

  it('a store whose schema is behind this version: the readers exit 2 and say so, `filings migrate` upgrades it', async () => {
    const db = await backend.fresh();
    const env = storeEnv(db, path.join(tmp.dir, 'uploads'));
    expect((await filings(['import', fixture('seed.md')], env)).code).toBe(0);
    await db.exec(`DROP TABLE upload_names; DELETE FROM schema_migrations WHERE name = '003-upload-names'`);

    const stale = await filings(['list'], env);
    expect(stale.code).toBe(2);
    expect(stale.stderr).toMatch(/^filings: the store at .* needs upgrading \(pending migrations: 003-upload-names\); run `filings migrate`\n$/);
    expect(await db.sql(`SELECT name FROM schema_migrations WHERE name = '003-upload-names'`)).toEqual([]);

    expect(await filings(['migrate'], env)).toMatchObject({ code: 0, stderr: 'filings: the store is up to date\n' });
    expect(await filings(['list'], env)).toMatchObject({ code: 0, stderr: 'filings: 1 filing\n' });
  });
});

describe('PostgreSQL out of reach', () => {
  it('is an environment error: one line without the password, exit 2', async () => {
    const run = await filings(['list'], { DATABASE_URL: 'postgresql://u:secret@127.0.0.1:1/filings' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^filings: postgres store: opening postgresql:\/\/u:\*\*\*@127\.0\.0\.1:1\/filings: .*ECONNREFUSED.*\n$/);
  });
});
