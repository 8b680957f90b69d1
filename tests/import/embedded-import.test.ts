// The README's main job: `filings import fixtures/` into the embedded SQLite store, run twice.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.ts';
import { filings, fixture } from '../helpers/cli.ts';
import { tmpDir } from '../helpers/tmp.ts';
import { FIXTURE_FAILURES, FIXTURE_FORMS } from './fixture-counts.ts';

const tmp = tmpDir();
const env = { FILINGS_DB: path.join(tmp.dir, 'filings.db'), FILINGS_UPLOADS: path.join(tmp.dir, 'uploads') };
// Every file under fixtures/ is a form file or a broken one, but for the notes beside them.
const NOTES = /\.(json|txt)$/;
const fixtureFiles = fs.readdirSync(fixture(), { recursive: true }).filter((f) => fs.statSync(fixture(String(f))).isFile() && !NOTES.test(String(f))).length;
const noteFiles = fs.readdirSync(fixture(), { recursive: true }).filter((f) => NOTES.test(String(f))).length;
let first: Awaited<ReturnType<typeof filings>>;

beforeAll(async () => {
  first = await filings(['import', fixture()], env);
}, 180_000);
afterAll(() => tmp.remove());

const counts = async () => {
  const store = await openStore({ db: env.FILINGS_DB });
  try {
    return { counts: await store.counts(), failures: await store.failures() };
  } finally {
    await store.close();
  }
};

it('stores every good form and lists every bad file with its reason', async () => {
  expect(first.stderr).toMatch(new RegExp(`${fixtureFiles} files seen, ${FIXTURE_FORMS} forms stored from \\d+ files`));
  expect(first.stderr).toMatch(/1 already present/); // wrong-ext.docx: seed.xlsx's very bytes
  expect(first.stderr).toMatch(new RegExp(`${Object.keys(FIXTURE_FAILURES).length} failed, ${noteFiles} skipped`));
  expect(first.code).toBe(1); // the run went through; the failed files are listed, stored, and make it exit 1
  const { counts: c, failures } = await counts();
  expect(c.filings).toBe(FIXTURE_FORMS);
  const byPath = Object.fromEntries(failures.map((f) => [path.relative(fixture(), f.path), f.code]));
  expect(byPath).toEqual(FIXTURE_FAILURES);
  for (const f of failures) expect(f.message).not.toMatch(/\n|\s+at /);
});

it('importing again stores nothing twice and says everything is present', async () => {
  const before = await counts();
  const again = await filings(['import', fixture()], env);
  expect(again.stderr).toMatch(/0 forms stored from 0 files/);
  expect(again.stderr).toMatch(new RegExp(`${fixtureFiles - Object.keys(FIXTURE_FAILURES).length} already present`));
  const after = await counts();
  expect(after.counts).toEqual(before.counts);
  expect(after.failures.length).toBe(before.failures.length);
});

it('keeps every original in the upload store, by content', async () => {
  const kept = fs.readdirSync(env.FILINGS_UPLOADS, { recursive: true }).filter((f) => fs.statSync(path.join(env.FILINGS_UPLOADS, String(f))).isFile());
  // Every distinct file content is kept once: the fixtures less the one byte-for-byte copy.
  expect(kept.length).toBe(fixtureFiles - 1);
});

it('a failed file is a failed input: exit 1; a run where every file is stored or present exits 0', async () => {
  const bad = await filings(['import', fixture('bad/empty.docx')], env);
  expect(bad.code).toBe(1);
  expect(bad.stderr).toMatch(/failed: .*empty\.docx: empty file/);
  const good = await filings(['import', fixture('compare')], env);
  expect(good.code).toBe(0);
  expect(good.stderr).toMatch(/4 already present, 0 failed/);
});

it('`filings import nosuch/` counts the missing path as a failed input: exit 1', async () => {
  const run = await filings(['import', 'nosuch/'], env);
  expect(run.code).toBe(1);
  expect(run.stderr).toMatch(/1 failed/);
  expect(run.stderr).toMatch(/failed: nosuch\/: no such file or folder/);
});

it('`filings failures` lists the failed files with their reasons', async () => {
  const run = await filings(['failures'], env);
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/bad\/empty\.docx: empty file \[empty_file\]/);
  expect(run.stdout).toMatch(/real-11\.md: not a performance-target form: found a self-evaluation form/);
  // Each failing fixture, and the path named above that does not exist.
  expect(run.stdout).toMatch(/ nosuch\/: no such file or folder \[unreadable\]/);
  expect(run.stdout.trim().split('\n')).toHaveLength(Object.keys(FIXTURE_FAILURES).length + 1);
});

it('`filings reparse` reads the stored originals again and changes nothing that was right', async () => {
  const before = await counts();
  const run = await filings(['reparse'], env);
  expect(run.stderr).toMatch(new RegExp(`${FIXTURE_FORMS} forms stored .*\\(0 written\\)`));
  const after = await counts();
  expect(after.counts).toEqual(before.counts);
});
