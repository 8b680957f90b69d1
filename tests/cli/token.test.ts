// `filings token`: add prints the token alone on stdout and the store keeps only its hash; list never
// shows a token; revoke by name stops it.
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { hashToken } from '../../src/access/tokens.ts';
import { openStore } from '../../src/store/open.ts';
import { filings } from '../helpers/cli.ts';
import { tmpDir } from '../helpers/tmp.ts';

const tmp = tmpDir('filings-token-');
afterAll(() => tmp.remove());
const env = { DATABASE_URL: '', FILINGS_DB: path.join(tmp.dir, 'new', 'filings.db'), FILINGS_UPLOADS: path.join(tmp.dir, 'uploads') };

it('add makes the store if needed and prints the token alone; list and revoke', async () => {
  const add = await filings(['token', 'add', '教育局', '--role', 'uploader'], env);
  expect(add.code, add.stderr).toBe(0);
  expect(add.stdout).toMatch(/^flt_[\w-]{43}\n$/);
  const token = add.stdout.trim();
  expect(add.stderr).toMatch(/^filings: token [0-9a-f]{8} \(教育局, uploader\) added; it is shown this once\n$/);
  const store = await openStore({ db: env.FILINGS_DB }, 'read');
  try {
    const [row] = await store.listTokens();
    expect(row).toMatchObject({ name: '教育局', role: 'uploader', tokenHash: hashToken(token), revokedAt: null });
  } finally {
    await store.close();
  }
  const json = JSON.parse((await filings(['token', 'add', '审计处', '--role', 'auditor', '--json'], env)).stdout);
  expect(json).toMatchObject({ name: '审计处', role: 'auditor', id: expect.stringMatching(/^[0-9a-f]{8}$/), token: expect.stringMatching(/^flt_/) });
  const list = await filings(['token', 'list'], env);
  expect(list.stdout).toContain('教育局');
  expect(list.stdout).toContain('上传者（uploader）');
  expect(list.stdout).not.toContain(token);
  expect(JSON.stringify(JSON.parse((await filings(['token', 'list', '--json'], env)).stdout))).not.toContain(hashToken(token));
  expect((await filings(['token', 'add', 'x', '--role', 'root'], env)).code).toBe(2);
  const revoke = await filings(['token', 'revoke', '教育局'], env);
  expect(revoke).toMatchObject({ code: 0, stderr: 'filings: 1 token revoked\n' });
  expect((await filings(['token', 'revoke', '教育局'], env)).code).toBe(1);
  expect((await filings(['token', 'list'], env)).stdout).toMatch(/已撤销/);
});
