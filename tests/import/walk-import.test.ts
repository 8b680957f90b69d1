// `filings import` over a folder a real file server could hold: files and folders it may not read,
// links back up the tree, a FIFO, a name with a newline in it. None of them may stop the run; each
// unreadable one is a failure with its reason, in the summary and in the store's failures list.
// Runs beside others: its one time check allows 45 s for a walk that takes about 2.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.ts';
import { filings, fixture, type Run } from '../helpers/cli.ts';
import { tmpDir } from '../helpers/tmp.ts';
import { filingsWithPermissions } from '../helpers/unprivileged.ts';

const tmp = tmpDir('filings-walk-');
const tree = (...p: string[]) => path.join(tmp.dir, 'tree', ...p);
const env = { DATABASE_URL: '', FILINGS_DB: path.join(tmp.dir, 'filings.db'), FILINGS_UPLOADS: path.join(tmp.dir, 'uploads') };
let first: Run;
let seconds: number;

beforeAll(async () => {
  fs.mkdirSync(tree('locked'), { recursive: true });
  fs.mkdirSync(tree('sub'));
  fs.copyFileSync(fixture('seed.md'), tree('seed.md'));
  fs.copyFileSync(fixture('seed.docx'), tree('secret.docx'));
  fs.copyFileSync(fixture('seed.md'), tree('notes.txt')); // taken by its bytes, which must be read to know
  fs.copyFileSync(fixture('seed.xlsx'), tree('locked', 'seed.xlsx'));
  fs.copyFileSync(fixture('bad/empty.docx'), tree('two\nlines.docx'));
  fs.symlinkSync('..', tree('sub', 'up'));
  fs.symlinkSync('..', tree('sub', 'up-again'));
  execFileSync('mkfifo', [tree('pipe.docx')]);
  for (const p of ['secret.docx', 'notes.txt', 'locked']) fs.chmodSync(tree(p), 0o000);
  const started = performance.now();
  first = await filingsWithPermissions(['import', tree()], env);
  seconds = (performance.now() - started) / 1000;
}, 60_000);
afterAll(() => {
  fs.chmodSync(tree('locked'), 0o755);
  tmp.remove();
});

const failures = async () => {
  const store = await openStore({ db: env.FILINGS_DB });
  try {
    return Object.fromEntries((await store.failures()).map((f) => [path.relative(tree(), f.path), `${f.code}: ${f.message}`]));
  } finally {
    await store.close();
  }
};

it('unreadable files and folders are failures with their reason; the readable rest is imported', async () => {
  expect(first.stderr).not.toMatch(/EACCES/);
  expect(first.code).toBe(1); // the rest is imported, and a script can tell that some inputs failed
  expect(first.stderr).toMatch(/1 forms stored from 1 files/);
  for (const p of ['secret.docx', 'notes.txt', 'locked']) expect(first.stderr).toContain(`  failed: ${tree(p)}: permission denied\n`);
  expect(await failures()).toEqual({
    'secret.docx': 'unreadable: permission denied',
    'notes.txt': 'unreadable: permission denied',
    locked: 'unreadable: permission denied',
    'two\nlines.docx': 'empty_file: empty file',
  });
});

it('links back up the tree are not followed round, and the FIFO is skipped, not opened: done within seconds', () => {
  // seed.md, secret.docx and two\nlines.docx: each file once, whatever the links.
  expect(first.stderr).toMatch(/: 3 files seen,.* 4 failed, 1 skipped/);
  expect(first.stderr).not.toMatch(/sub\/up/);
  // Followed round, the two links double the paths at each level: minutes, not seconds. The bound is
  // loose because the CLI itself takes seconds to start on a busy 2-core machine.
  expect(seconds).toBeLessThan(45);
});

it('a newline in a file name stays on its line, in the summary and in `filings failures`', async () => {
  expect(first.stderr).toContain(`  failed: ${tree('two\\nlines.docx')}: empty file\n`);
  const listed = await filings(['failures'], env);
  expect(listed.stdout.trim().split('\n')).toHaveLength(4);
  expect(listed.stdout).toContain(`${tree('two\\nlines.docx')}: empty file [empty_file]\n`);
});

it('an unreadable file fails the run (exit 1); once readable, it is imported and off the failures list', async () => {
  const locked = await filingsWithPermissions(['import', tree('secret.docx')], env);
  expect(locked.code).toBe(1);
  fs.chmodSync(tree('secret.docx'), 0o644);
  const again = await filingsWithPermissions(['import', tree('secret.docx')], env);
  expect(again.code).toBe(0);
  expect(again.stderr).toMatch(/1 forms stored from 1 files/);
  expect(Object.keys(await failures())).not.toContain('secret.docx');
});

it('a path that does not exist is a failure like any other: listed and stored, exit 1', async () => {
  const plain = await filings(['import', tree('nosuch')], env);
  expect(plain.stderr).toContain(`  failed: ${tree('nosuch')}: no such file or folder\n`);
  expect(plain.code).toBe(1);
  expect(await failures()).toHaveProperty('nosuch', 'unreadable: no such file or folder');
});
