// `filings enqueue` walks as `filings import` does: what it can't read is reported, one line each,
// and everything else is queued. Real redis-server, real files, the real CLI.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { QUEUE_NAME } from '../../workers/connection.ts';
import { fixture } from '../helpers/cli.ts';
import { startRedis, type RedisServer } from '../helpers/redis.ts';
import { tmpDir } from '../helpers/tmp.ts';
import { filingsWithPermissions } from '../helpers/unprivileged.ts';

let redis: RedisServer;
const tmp = tmpDir('filings-enqueue-');
const tree = (...p: string[]) => path.join(tmp.dir, 'tree', ...p);

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  fs.chmodSync(tree('locked'), 0o755);
  await redis?.stop();
  tmp.remove();
});

it('unreadable files and folders are reported with their reason; the rest is queued once', async () => {
  fs.mkdirSync(tree('locked'), { recursive: true });
  fs.mkdirSync(tree('sub'));
  fs.copyFileSync(fixture('seed.md'), tree('seed.md'));
  fs.copyFileSync(fixture('seed.docx'), tree('secret.docx'));
  fs.copyFileSync(fixture('seed.xlsx'), tree('locked', 'seed.xlsx'));
  fs.symlinkSync('..', tree('sub', 'up'));
  execFileSync('mkfifo', [tree('pipe.docx')]);
  for (const p of ['secret.docx', 'locked']) fs.chmodSync(tree(p), 0o000);

  const env = { REDIS_URL: redis.url, FILINGS_UPLOADS: path.join(tmp.dir, 'uploads') };
  const run = await filingsWithPermissions(['enqueue', tree(), tree('nosuch')], env);
  expect(run.stderr).not.toMatch(/EACCES/);
  expect(run.stderr).toContain(`filings: ${tree('secret.docx')}: permission denied\n`);
  expect(run.stderr).toContain(`filings: ${tree('locked')}: permission denied\n`);
  expect(run.stderr).toContain(`filings: ${tree('nosuch')}: no such file or folder\n`);
  expect(run.stderr).toMatch(/queued 1 new, 0 failed before and queued again, 0 already queued or done \(0 under a new name\), 1 skipped/);
  expect(run.code).toBe(1); // as `filings import`: listed, the rest queued, and a script can tell

  const queue = new Queue(QUEUE_NAME, { connection: { url: redis.url } as never });
  try {
    const jobs = await queue.getJobs(['waiting']);
    expect(jobs.map((j) => j.data.path)).toEqual([tree('seed.md')]);
  } finally {
    await queue.close();
  }
});

it('a path that does not exist makes the run exit 1, as for `filings import`', async () => {
  const env = { REDIS_URL: redis.url, FILINGS_UPLOADS: path.join(tmp.dir, 'uploads') };
  const run = await filingsWithPermissions(['enqueue', tree('nosuch')], env);
  expect(run.stderr).toContain(`filings: ${tree('nosuch')}: no such file or folder\n`);
  expect(run.code).toBe(1);
});

it('the same content under three names in one run: one import job, and a name job for each other name, in whichever window', async () => {
  // More files than one window (16), the same content first and last, so that its repeat comes in a
  // later window, and once more inside the first window.
  const dir = path.join(tmp.dir, 'many');
  fs.mkdirSync(dir);
  fs.copyFileSync(fixture('seed.md'), path.join(dir, 'a-first.md'));
  fs.copyFileSync(fixture('seed.md'), path.join(dir, 'a-second.md'));
  for (let i = 0; i < 20; i++) {
    fs.writeFileSync(path.join(dir, `b-${String(i).padStart(2, '0')}.md`), `${fs.readFileSync(fixture('seed.md'), 'utf8')}\n<!-- ${i} -->\n`);
  }
  fs.copyFileSync(fixture('seed.md'), path.join(dir, 'c-last.md'));
  const env = { REDIS_URL: redis.url, FILINGS_UPLOADS: path.join(tmp.dir, 'uploads-many') };
  const queue = new Queue(QUEUE_NAME, { connection: { url: redis.url } as never });
  try {
    await queue.obliterate({ force: true });
    const run = await filingsWithPermissions(['enqueue', '--json', dir], env);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ added: 21, alreadyQueued: 2, newNames: 2, requeued: 0 });
    const jobs = await queue.getJobs(['waiting']);
    const seed = jobs.filter((j) => j.data.fileName.endsWith('.md') && /^(a-|c-)/.test(j.data.fileName));
    expect(seed.map((j) => [j.name, j.data.fileName]).sort()).toEqual([
      ['import', 'a-first.md'],
      ['name', 'a-second.md'],
      ['name', 'c-last.md'],
    ]);
  } finally {
    await queue.close();
  }
});
