// A real, throwaway PostgreSQL database for a test: on the run's shared server (postgres-server.ts), on
// DATABASE_URL_TEST when set, else on a server of the test file's own. Without a server, the tests fail
// with how to fix it: a store test that quietly skipped Postgres would prove nothing.
//
//   let pg: TestPostgres;
//   beforeAll(async () => { pg = await startPostgres(); });
//   afterAll(() => pg?.stop());
//   const url = await pg.createDatabase();   // a fresh, empty database per test
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { inject } from 'vitest';

const run = promisify(execFile);

export interface TestPostgres {
  /** The server's maintenance database (`postgres`). */
  url: string;
  /** Creates an empty database on the server and returns its URL. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

export async function startPostgres(): Promise<TestPostgres> {
  // The run's shared server (postgres-server.ts), when the project started one.
  const shared = inject('postgresUrl');
  if (shared) return withDatabases(shared, async () => {});
  const given = process.env.DATABASE_URL_TEST;
  if (given) return withDatabases(given, async () => {});
  return withDatabases(...(await startPostgresServer()));
}

let created = 0;

function withDatabases(url: string, stopServer: () => Promise<void>): TestPostgres {
  const names: string[] = [];
  return {
    url,
    async createDatabase() {
      const name = `filings_test_${process.pid}_${Date.now()}_${++created}`;
      await admin(url, `CREATE DATABASE ${name}`);
      names.push(name);
      const u = new URL(url);
      u.pathname = `/${name}`;
      return u.toString();
    },
    async stop() {
      // Matters on a DATABASE_URL_TEST server, which outlives the run.
      for (const name of names.splice(0)) await admin(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
      await stopServer();
    },
  };
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Starts a server of its own: its URL, and how to stop it. */
export async function startPostgresServer(): Promise<[string, () => Promise<void>]> {
  const bin = findBinaries();
  const asRoot = process.getuid?.() === 0;
  // PostgreSQL refuses to run as root; as root we hand the data folder to the postgres user.
  const as = (cmd: string, args: string[]) => (asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args]) as [string, string[]];

  // /tmp rather than TMPDIR: as root, TMPDIR may sit under a folder the postgres user can't enter.
  const dir = fs.mkdtempSync(path.join(asRoot ? '/tmp' : os.tmpdir(), 'filings-pg-'));
  const data = path.join(dir, 'data');
  if (asRoot) {
    const pgUser = userIds('postgres');
    fs.chownSync(dir, pgUser.uid, pgUser.gid);
  }
  const port = await freePort();
  const pgCtl = path.join(bin, 'pg_ctl');
  try {
    await run(...as(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']));
    // Speed over durability: the data is thrown away after the run.
    fs.appendFileSync(path.join(data, 'postgresql.conf'), [
      'listen_addresses = \'127.0.0.1\'',
      `port = ${port}`,
      `unix_socket_directories = '${dir}'`,
      'fsync = off',
      'synchronous_commit = off',
      'full_page_writes = off',
      // Test files run side by side on one server, each with its pools and CLI processes.
      'max_connections = 300',
      '',
    ].join('\n'));
    await run(...as(pgCtl, ['-D', data, '-l', path.join(dir, 'log'), '-w', '-t', '60', 'start']));
  } catch (e) {
    const log = fs.existsSync(path.join(dir, 'log')) ? fs.readFileSync(path.join(dir, 'log'), 'utf8').slice(-2000) : '';
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`could not start a test PostgreSQL: ${(e as Error).message}\n${log}`);
  }

  // If the test process dies without afterAll, don't leave a server behind.
  const kill = () => {
    try {
      execFileSync(...as(pgCtl, ['-D', data, '-m', 'immediate', 'stop']), { stdio: 'ignore' });
    } catch {}
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', kill);

  const stop = async () => {
    process.removeListener('exit', kill);
    await run(...as(pgCtl, ['-D', data, '-m', 'fast', '-w', 'stop'])).catch(() => {});
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return [`postgresql://postgres@127.0.0.1:${port}/postgres`, stop];
}

/** Debian puts the server in /usr/lib/postgresql/<major>/bin; take the newest there, else PATH. */
function findBinaries(): string {
  const root = '/usr/lib/postgresql';
  const majors = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const major of majors) {
    const bin = path.join(root, major, 'bin');
    if (fs.existsSync(path.join(bin, 'initdb'))) return bin;
  }
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'pg_ctl'))) return dir;
  }
  throw new Error('PostgreSQL server not found (no initdb): run `apt-get install -y postgresql`, or set DATABASE_URL_TEST to a server to use');
}

function userIds(name: string): { uid: number; gid: number } {
  const line = fs.readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith(`${name}:`));
  if (!line) throw new Error(`no '${name}' system user: install PostgreSQL with apt-get install -y postgresql`);
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
