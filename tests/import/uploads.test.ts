import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sha256Of, UploadStore } from '../../src/import/uploads.ts';

const dirs: string[] = [];
const tempStore = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'filings-uploads-'));
  dirs.push(dir);
  return new UploadStore(dir);
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('the upload store', () => {
  it('keeps a content once, under its sha256, and leaves no temporary file', async () => {
    const store = tempStore();
    const bytes = Buffer.from('项目名称,示例');
    const sha = await store.put(bytes);
    expect(sha).toBe(sha256Of(bytes));
    expect(await store.put(Buffer.from(bytes))).toBe(sha);
    const folder = path.dirname(store.pathOf(sha));
    expect(fs.readdirSync(folder)).toEqual([sha]);
    expect(fs.readFileSync(store.pathOf(sha)).equals(bytes)).toBe(true);
  });

  it('still keeps a file when its folder was removed after the store made it', async () => {
    const store = tempStore();
    const first = Buffer.from('a');
    await store.put(first);
    // Another content with the same two-character fan-out folder as the first.
    const prefix = sha256Of(first).slice(0, 2);
    let second = Buffer.from('b');
    for (let i = 0; sha256Of(second).slice(0, 2) !== prefix; i++) second = Buffer.from(`b${i}`);
    fs.rmSync(path.join(store.root, prefix), { recursive: true });
    const sha = await store.put(second);
    expect(fs.readFileSync(store.pathOf(sha)).equals(second)).toBe(true);
  });
});
