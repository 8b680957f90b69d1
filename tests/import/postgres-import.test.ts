// The same import, into PostgreSQL (DATABASE_URL), as several machines sharing one store would use.
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.ts';
import { filings, fixture } from '../helpers/cli.ts';
import { startPostgres, type TestPostgres } from '../helpers/postgres.ts';
import { tmpDir } from '../helpers/tmp.ts';
import { FIXTURE_FAILURES, FIXTURE_FORMS } from './fixture-counts.ts';

let pg: TestPostgres;
const tmp = tmpDir();
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(async () => {
  await pg?.stop();
  tmp.remove();
});

it('imports the fixtures into PostgreSQL, twice, with the same counts and no duplicates', async () => {
  const env = { DATABASE_URL: await pg.createDatabase(), FILINGS_UPLOADS: path.join(tmp.dir, 'uploads') };
  const first = await filings(['import', fixture()], env);
  expect(first.stderr).toMatch(new RegExp(`${FIXTURE_FORMS} forms stored`));
  expect(first.stderr).toMatch(/store PostgreSQL/);
  const second = await filings(['import', fixture()], env);
  expect(second.stderr).toMatch(/0 forms stored from 0 files/);
  const store = await openStore({ databaseUrl: env.DATABASE_URL });
  try {
    const c = await store.counts();
    expect(c.filings).toBe(FIXTURE_FORMS);
    expect(c.failures).toBe(Object.keys(FIXTURE_FAILURES).length);
  } finally {
    await store.close();
  }
}, 180_000);
