// --json: one JSON document on stdout, the prose on stderr, for import, reparse, list, failures and
// both comparisons (status: tests/workers/queue-cli.test.ts). Through the real CLI on one SQLite store.
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { filings, fixture } from '../helpers/cli.ts';
import { tmpDir } from '../helpers/tmp.ts';

const tmp = tmpDir('filings-json-');
const env = { DATABASE_URL: '', FILINGS_DB: path.join(tmp.dir, 'filings.db'), FILINGS_UPLOADS: path.join(tmp.dir, 'uploads') };
let imported: Awaited<ReturnType<typeof filings>>;
beforeAll(async () => {
  imported = await filings(['import', '--json', fixture('compare'), fixture('bad/empty.docx')], env);
}, 180_000);
afterAll(() => tmp.remove());

it('import --json: the summary as JSON on stdout, the prose still on stderr; a failed file exits 1', async () => {
  expect(imported.code).toBe(1);
  expect(imported.stderr).toMatch(/done in .* 5 files seen, 6 forms stored from 4 files \(6 written\).*1 failed/);
  expect(JSON.parse(imported.stdout)).toMatchObject({
    interrupted: false,
    files: 5,
    storedFiles: 4,
    storedForms: 6,
    writtenForms: 6,
    present: 0,
    skipped: 0,
    failed: [{ path: fixture('bad/empty.docx'), code: 'empty_file', message: 'empty file' }],
    store: { kind: 'sqlite', location: env.FILINGS_DB },
    uploads: env.FILINGS_UPLOADS,
  });
});

it('reparse --json: the same summary; nothing written when nothing changed', async () => {
  const run = await filings(['reparse', '--json'], env);
  expect(run.code).toBe(1); // empty.docx fails again
  expect(JSON.parse(run.stdout)).toMatchObject({ files: 5, storedForms: 6, writtenForms: 0, failed: [{ code: 'empty_file' }] });
}, 120_000);

it('list --json: the filings the filters keep', async () => {
  const run = await filings(['list', '--json', '--year', '2022'], env);
  expect(run).toMatchObject({ code: 0, stderr: 'filings: 1 filing\n' });
  expect(JSON.parse(run.stdout)).toEqual({
    filings: [
      {
        id: expect.stringMatching(/^[0-9a-f]{64}:0$/),
        seq: expect.any(Number),
        fiscalYear: 2022,
        department: '江城市城市管理局',
        departmentCode: '301001',
        projectName: '2022年城区道路养护',
        fileName: 'road-2022.docx',
        locator: 'table 1',
        indicators: 6,
        fundingTotal: null,
        annualTotal: 280,
        shortId: expect.stringMatching(/^[0-9a-f]{10}:0$/),
      },
    ],
  });
});

it('failures --json: the failed files with their reasons', async () => {
  const run = await filings(['failures', '--json'], env);
  expect(run.code).toBe(0);
  expect(JSON.parse(run.stdout)).toEqual({
    failures: [{ path: fixture('bad/empty.docx'), sha256: expect.any(String), code: 'empty_file', message: 'empty file', failedAt: expect.any(String) }],
  });
});

it('compare years --json: the comparison itself, not its tables', async () => {
  const run = await filings(['compare', 'years', '--project', '城区道路养护', '--json'], env);
  expect(run).toMatchObject({ code: 0, stderr: '' });
  const c = JSON.parse(run.stdout);
  expect(c).toMatchObject({ project: '城区道路养护', departmentCode: '301001', years: [2021, 2022, 2023] });
  expect(c.rows.find((r: { name: string }) => r.name === '养护成本').transitions[0]).toMatchObject({ from: 2021, to: 2022, kind: 'lowered', stricter: true });
});

it('compare departments --json: the matrix, and the group’s spread when asked', async () => {
  const run = await filings(['compare', 'departments', '--year', '2023', '--group', 'satisfaction', '--json'], env);
  expect(run).toMatchObject({ code: 0, stderr: '' });
  const c = JSON.parse(run.stdout);
  expect(c.matrix).toMatchObject({ year: 2023 });
  expect(c.matrix.rows.length).toBeGreaterThan(1);
  expect(c.spread).toMatchObject({ year: 2023 });
  const without = JSON.parse((await filings(['compare', 'departments', '--year', '2023', '--json'], env)).stdout);
  expect(without.spread).toBeNull();
});

it('a comparison that cannot be made: its reason on stderr, nothing on stdout, exit 1', async () => {
  const run = await filings(['compare', 'years', '--project', '不存在的项目', '--json'], env);
  expect(run).toEqual({ code: 1, stdout: '', stderr: 'filings: 没有名称像“不存在的项目”的项目\n' });
});
