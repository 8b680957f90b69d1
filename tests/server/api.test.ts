// The service's API over real HTTP, on both stores, with uploads read in the process and through the
// queue (real redis-server, a real `filings worker`): every status code the README lists, the roles,
// the session cookie, and the upload → stored path with the same records the CLI would store.
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { buildApp } from '../../server/app.ts';
import { localProcessor, queueProcessor, type UploadProcessor } from '../../server/processor.ts';
import { hashToken, newToken } from '../../src/access/tokens.ts';
import { UploadStore } from '../../src/import/uploads.ts';
import { openStore } from '../../src/store/open.ts';
import type { Role, Store } from '../../src/store/store.ts';
import { fixture } from '../helpers/cli.ts';
import { startRedis, type RedisServer } from '../helpers/redis.ts';
import { tmpDir } from '../helpers/tmp.ts';
import { startWorker, stopWorker, waitFor, type WorkerProcess } from '../helpers/workers.ts';
import { postgresBackend, sqliteBackend, type Backend, type TestDb } from '../store/backends.ts';

const MAX_FILE = 400 * 1024;

const configs: { name: string; backend: () => Backend; queue: boolean }[] = [
  { name: 'sqlite, read in the process', backend: sqliteBackend, queue: false },
  { name: 'postgres, read in the process', backend: postgresBackend, queue: false },
  { name: 'sqlite, through the queue', backend: sqliteBackend, queue: true },
  { name: 'postgres, through the queue', backend: postgresBackend, queue: true },
];

describe.each(configs)('$name', ({ backend: makeBackend, queue }) => {
  const backend = makeBackend();
  const tmp = tmpDir('filings-api-');
  let db: TestDb;
  let store: Store;
  let processor: UploadProcessor;
  let app: FastifyInstance;
  let base: string;
  let redis: RedisServer | undefined;
  let worker: WorkerProcess | undefined;
  const tokens = new Map<Role, string>();

  const call = (p: string, init: RequestInit & { as?: Role | string | null } = {}) => {
    const { as = 'admin', ...rest } = init;
    const token = as === null ? undefined : (tokens.get(as as Role) ?? as);
    return fetch(`${base}${p}`, { ...rest, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(rest.headers ?? {}) }, redirect: 'manual' });
  };
  const upload = (files: { name: string; bytes: Buffer }[], as: Role = 'admin') => {
    const form = new FormData();
    for (const f of files) form.append('file', new Blob([new Uint8Array(f.bytes)]), f.name);
    return call('/api/uploads', { method: 'POST', body: form, as });
  };
  const fixtureFile = (name: string) => ({ name: path.basename(name), bytes: fs.readFileSync(fixture(name)) });
  const settled = async (sha: string, as: Role = 'admin') => {
    let last: { status: string } = { status: '' };
    await waitFor(`upload ${sha.slice(0, 8)} to settle`, async () => {
      last = await (await call(`/api/uploads/${sha}`, { as })).json();
      return last.status === 'stored' || last.status === 'failed';
    }, 60_000);
    return last as { sha256: string; file: string; status: string; code?: string; reason?: string; filingIds: string[] };
  };

  beforeAll(async () => {
    await backend.start();
    db = await backend.fresh();
    store = await openStore(db.opts, 'create');
    const uploads = new UploadStore(path.join(tmp.dir, 'uploads'));
    for (const role of ['admin', 'auditor', 'uploader'] as Role[]) {
      const t = newToken();
      await store.addToken({ id: t.id, name: `${role}-user`, role, tokenHash: t.hash });
      tokens.set(role, t.token);
    }
    if (queue) {
      redis = await startRedis();
      process.env.REDIS_URL = redis.url;
      const { openQueue } = await import('../../workers/queue.ts');
      processor = queueProcessor(openQueue());
      const storeEnv = db.opts.databaseUrl ? { DATABASE_URL: db.opts.databaseUrl } : { DATABASE_URL: '', FILINGS_DB: db.opts.db };
      worker = startWorker({ ...storeEnv, REDIS_URL: redis.url, FILINGS_UPLOADS: uploads.root }, ['--concurrency', '2']);
    } else processor = localProcessor(store, uploads, 2);
    app = await buildApp({ store, uploads, processor, webRoot: null, limits: { maxFileBytes: MAX_FILE, maxFiles: 5 } });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await processor?.close();
    await stopWorker(worker);
    await store?.close();
    await redis?.stop();
    delete process.env.REDIS_URL;
    await backend.stop();
    tmp.remove();
  }, 60_000);

  it('401 without a token or with a wrong one, 403 for a role without the right', async () => {
    expect((await call('/api/filings', { as: null })).status).toBe(401);
    const wrong = await call('/api/filings', { as: 'flt_not-a-token' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ error: { code: 'unauthorized', message: '请先登录（需要有效的令牌）' } });
    expect((await call('/api/filings', { as: 'uploader' })).status).toBe(403);
    expect((await upload([fixtureFile('seed.md')], 'auditor')).status).toBe(403);
    expect(await (await call('/api/me', { as: 'auditor' })).json()).toEqual({ name: 'auditor-user', role: 'auditor' });
  });

  it('uploads: 202 with the kept bytes, then stored with the forms, or failed with the reason', async () => {
    const files = [fixtureFile('seed.docx'), fixtureFile('real-04.xlsx'), fixtureFile('bad/truncated.docx')];
    const res = await upload(files);
    expect(res.status).toBe(202);
    const body = (await res.json()) as { uploads: { sha256: string; file: string; status: string }[] };
    expect(body.uploads.map((u) => u.file)).toEqual(['seed.docx', 'real-04.xlsx', 'truncated.docx']);
    for (const u of body.uploads) expect(['queued', 'processing', 'stored', 'failed']).toContain(u.status);
    // The bytes are in the upload store before the answer.
    for (const [i, u] of body.uploads.entries()) expect(fs.readFileSync(path.join(tmp.dir, 'uploads', u.sha256.slice(0, 2), u.sha256))).toEqual(files[i].bytes);
    const [seed, real04, truncated] = await Promise.all(body.uploads.map((u) => settled(u.sha256)));
    expect(seed).toMatchObject({ status: 'stored', filingIds: [`${seed.sha256}:0`] });
    expect(real04).toMatchObject({ status: 'stored', filingIds: [`${real04.sha256}:0`, `${real04.sha256}:1`] });
    expect(truncated).toMatchObject({ status: 'failed', code: 'corrupt', reason: 'damaged or truncated zip archive (no central directory)', filingIds: [] });
    // The same bytes again are the same upload.
    const again = (await (await upload([fixtureFile('seed.docx')])).json()) as { uploads: { sha256: string }[] };
    expect(again.uploads[0].sha256).toBe(seed.sha256);
    expect((await settled(seed.sha256)).filingIds).toEqual(seed.filingIds);
    const listed = (await (await call('/api/uploads')).json()) as { items: { sha256: string }[] };
    expect(listed.items.filter((i) => i.sha256 === seed.sha256)).toHaveLength(1);
  }, 90_000);

  it('an uploader sees its own uploads and nobody else\'s', async () => {
    const res = await upload([fixtureFile('seed.md')], 'uploader');
    expect(res.status).toBe(202);
    const sha = ((await res.json()) as { uploads: { sha256: string }[] }).uploads[0].sha256;
    expect((await settled(sha, 'uploader')).status).toBe('stored');
    const mine = (await (await call('/api/uploads', { as: 'uploader' })).json()) as { items: { file: string }[] };
    expect(mine.items.map((i) => i.file)).toEqual(['seed.md']);
    const admins = (await (await call('/api/uploads', { as: 'admin' })).json()) as { items: { sha256: string }[] };
    const other = admins.items.find((i) => i.sha256 !== sha)!;
    expect((await call(`/api/uploads/${other.sha256}`, { as: 'uploader' })).status).toBe(404);
    expect((await call(`/api/uploads/${sha}`, { as: 'auditor' })).status).toBe(200);
  }, 60_000);

  it('400, 404, 413 and 415 on uploads', async () => {
    expect((await call('/api/uploads', { method: 'POST', body: JSON.stringify({}), headers: { 'content-type': 'application/json' } })).status).toBe(415);
    const noFile = new FormData();
    noFile.append('note', 'x');
    expect((await call('/api/uploads', { method: 'POST', body: noFile })).status).toBe(400);
    const big = await upload([{ name: 'big.md', bytes: Buffer.alloc(MAX_FILE + 1, 0x61) }]);
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { code: string } }).error.code).toBe('too_large');
    expect((await upload(Array.from({ length: 6 }, (_, i) => ({ name: `f${i}.md`, bytes: Buffer.from(`| a |\n|---|\n| ${i} |\n`) })))).status).toBe(413);
    expect((await call('/api/uploads/not-a-hash')).status).toBe(404);
    expect((await call(`/api/uploads/${'0'.repeat(64)}`)).status).toBe(404);
    expect((await call('/api/uploads/..%2F..%2Fetc%2Fpasswd')).status).toBe(404);
  });

  it('filings: the list with its filters, one in full, the original as a download', async () => {
    const list = (await (await call('/api/filings', { as: 'auditor' })).json()) as { total: number; items: { id: string; projectName: string; fileName: string; findings: number }[] };
    // seed.docx and seed.md (one form each) and real-04.xlsx (two).
    expect(list.total).toBe(4);
    const seed = list.items.find((i) => i.fileName === 'seed.docx')!;
    expect(seed.projectName).toBe('(派出所)特保费用');
    const byWords = (await (await call(`/api/filings?q=${encodeURIComponent('网球')}`, { as: 'auditor' })).json()) as { total: number };
    expect(byWords.total).toBe(1);
    const withCost = (await (await call('/api/filings?finding=no_cost_indicator', { as: 'auditor' })).json()) as { items: { fileName: string }[] };
    expect(withCost.items.length).toBeGreaterThan(0);
    expect((await call('/api/filings?finding=bogus', { as: 'auditor' })).status).toBe(400);
    expect((await call('/api/filings?year=20x1', { as: 'auditor' })).status).toBe(400);

    const full = (await (await call(`/api/filings/${seed.id.slice(0, 12)}`, { as: 'auditor' })).json()) as { filing: { id: string; indicators: unknown[] }; fileNames: { fileName: string }[]; findings: { code: string }[] };
    expect(full.filing.id).toBe(seed.id);
    expect(full.filing.indicators).toHaveLength(15);
    expect(full.fileNames.map((n) => n.fileName)).toEqual(['seed.docx']);
    expect(full.findings.map((f) => f.code)).toContain('empty_group');
    expect((await call(`/api/filings/${'f'.repeat(12)}`, { as: 'auditor' })).status).toBe(404);

    const original = await call(`/api/filings/${seed.id}/original`, { as: 'auditor' });
    expect(original.status).toBe(200);
    expect(original.headers.get('content-type')).toBe('application/octet-stream');
    expect(original.headers.get('content-disposition')).toBe(`attachment; filename="seed.docx"; filename*=UTF-8''seed.docx`);
    expect(Buffer.from(await original.arrayBuffer())).toEqual(fs.readFileSync(fixture('seed.docx')));
    expect((await call(`/api/filings/${seed.id.replace(':0', ':9')}/original`, { as: 'auditor' })).status).toBe(404);
  });

  it('compare and review as JSON and as downloads; what cannot be compared says why', async () => {
    const years = await call(`/api/compare/years?project=${encodeURIComponent('特保费用')}`, { as: 'auditor' });
    expect(years.status).toBe(200);
    expect(((await years.json()) as { years: number[] }).years).toEqual([2021]);
    const xlsx = await call(`/api/compare/years?project=${encodeURIComponent('特保费用')}&format=xlsx`, { as: 'auditor' });
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(XLSX.read(Buffer.from(await xlsx.arrayBuffer())).SheetNames).toEqual(['逐年', '填报表', '说明']);
    expect((await call(`/api/compare/years?project=${encodeURIComponent('不存在的项目')}`, { as: 'auditor' })).status).toBe(404);
    expect((await call('/api/compare/years', { as: 'auditor' })).status).toBe(400);
    const groupTypo = await call(`/api/compare/departments?year=2021&group=xyz`, { as: 'auditor' });
    expect(groupTypo.status).toBe(400);
    expect(((await groupTypo.json()) as { error: { code: string } }).error.code).toBe('unknown_group');
    const depts = (await (await call('/api/compare/departments?year=2025&group=cost', { as: 'auditor' })).json()) as { matrix: { rows: unknown[] }; spread: { rows: unknown[] } };
    expect(depts.matrix.rows).toHaveLength(1);
    const csv = await call('/api/review?format=csv', { as: 'auditor' });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf])); // the BOM Excel needs to see UTF-8
    expect(bytes.subarray(3).toString('utf8').split('\r\n')[0]).toBe('年度,部门,项目,规则,说明,指标,编号');
    const review = (await (await call('/api/review?code=empty_group', { as: 'auditor' })).json()) as { findings: { code: string }[] };
    expect(review.findings.length).toBeGreaterThan(0);
    expect(review.findings.every((f) => f.code === 'empty_group')).toBe(true);
    expect((await call('/api/review?code=bogus', { as: 'auditor' })).status).toBe(400);
    expect((await call('/api/nothing-here', { as: 'auditor' })).status).toBe(404);
  });

  it('the login form sets an HttpOnly, SameSite=Strict session; a revoked token ends it', async () => {
    const bad = await fetch(`${base}/login`, { method: 'POST', body: new URLSearchParams({ token: 'flt_wrong' }), redirect: 'manual' });
    expect(bad.status).toBe(401);
    expect(await bad.text()).toContain('令牌无效或已撤销');
    const t = newToken();
    await store.addToken({ id: t.id, name: 'short-lived', role: 'auditor', tokenHash: t.hash });
    const ok = await fetch(`${base}/login`, { method: 'POST', body: new URLSearchParams({ token: t.token }), redirect: 'manual' });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/');
    const cookie = ok.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^filings_session=[\w-]+; Max-Age=43200; Path=\/; HttpOnly; SameSite=Strict$/);
    const session = cookie.split(';')[0];
    expect((await fetch(`${base}/api/me`, { headers: { cookie: session } })).status).toBe(200);
    await store.revokeToken('short-lived');
    expect((await fetch(`${base}/api/me`, { headers: { cookie: session } })).status).toBe(401);
    expect((await fetch(`${base}/login`)).headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('a session outlives a restart of the server, ends at logout, and ends when its time is up', async () => {
    const t = newToken();
    await store.addToken({ id: t.id, name: 'session-user', role: 'auditor', tokenHash: t.hash });
    const login = async () => {
      const res = await fetch(`${base}/login`, { method: 'POST', body: new URLSearchParams({ token: t.token }), redirect: 'manual' });
      expect(res.status).toBe(303);
      return res.headers.get('set-cookie')!.split(';')[0];
    };
    const me = (at: string, cookie: string) => fetch(`${at}/api/me`, { headers: { cookie } }).then((r) => r.status);
    const session = await login();
    // Another server on the same store, as after a restart, knows the session.
    const restarted = await buildApp({ store, uploads: new UploadStore(path.join(tmp.dir, 'uploads')), processor, webRoot: null, limits: { maxFileBytes: MAX_FILE, maxFiles: 5 } });
    try {
      const other = await restarted.listen({ port: 0, host: '127.0.0.1' });
      expect(await me(other, session)).toBe(200);
      expect((await fetch(`${other}/logout`, { method: 'POST', headers: { cookie: session } })).status).toBe(204);
    } finally {
      await restarted.close();
    }
    // Logged out there, it is gone here too.
    expect(await me(base, session)).toBe(401);
    // The store keeps only the id's hash: the id a browser holds is no key to it.
    const id = (await login()).split('=')[1];
    const now = new Date().toISOString();
    expect(await store.sessionToken(id, now)).toBeUndefined();
    expect(await store.sessionToken(hashToken(id), now)).toBe(t.hash);
    await store.openSession({ idHash: hashToken('expired-session'), tokenHash: t.hash, expiresAt: '2000-01-01T00:00:00.000Z' });
    expect(await me(base, 'filings_session=expired-session')).toBe(401);
    expect(await me(base, 'filings_session=never-opened')).toBe(401);
  });

  it('the list counts findings as the store stands now: filings stored after a list are counted in the next', async () => {
    type List = { items: { id: string; findings: number }[] };
    const before = (await (await call('/api/filings', { as: 'auditor' })).json()) as List;
    const [sent] = ((await (await upload([fixtureFile('compare/departments-2023.md')])).json()) as { uploads: { sha256: string }[] }).uploads;
    const done = await settled(sent.sha256);
    expect(done.status).toBe('stored');
    expect(before.items.some((i) => done.filingIds.includes(i.id))).toBe(false);
    const after = (await (await call('/api/filings?limit=1000', { as: 'auditor' })).json()) as List;
    const withoutCost = (await (await call('/api/filings?finding=no_cost_indicator', { as: 'auditor' })).json()) as List;
    expect(withoutCost.items.some((i) => done.filingIds.includes(i.id))).toBe(true);
    let counted = 0;
    for (const id of done.filingIds) {
      const full = (await (await call(`/api/filings/${id}`, { as: 'auditor' })).json()) as { findings: unknown[] };
      expect(after.items.find((i) => i.id === id)?.findings).toBe(full.findings.length);
      counted += full.findings.length;
    }
    expect(counted).toBeGreaterThan(0);
  }, 90_000);
});

describe('rate limit', () => {
  it('429 past the limit, in the error shape', async () => {
    const tmp = tmpDir('filings-rate-');
    const store = await openStore({ db: path.join(tmp.dir, 'f.db') }, 'create');
    const uploads = new UploadStore(path.join(tmp.dir, 'uploads'));
    const processor = localProcessor(store, uploads, 1);
    const app = await buildApp({ store, uploads, processor, webRoot: null, limits: { maxFileBytes: MAX_FILE, maxFiles: 5 }, rateLimit: 3 });
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const codes = [];
      for (let i = 0; i < 4; i++) codes.push((await fetch(`${base}/api/me`)).status);
      expect(codes).toEqual([401, 401, 401, 429]);
      const last = await fetch(`${base}/api/me`);
      expect(await last.json()).toEqual({ error: { code: 'rate_limited', message: '请求过于频繁，请稍后再试' } });
    } finally {
      await app.close();
      await processor.close();
      await store.close();
      tmp.remove();
    }
  });
});
