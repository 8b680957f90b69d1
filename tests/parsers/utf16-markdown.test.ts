// Notepad saves "Unicode" text as UTF-16 with a byte-order mark: such a Markdown form reads exactly
// like its UTF-8 original, in both byte orders.
import fs from 'node:fs';
import { expect, it } from 'vitest';
import { readFile } from '../../src/read-file.ts';
import { fixture } from '../helpers/cli.ts';

const utf8 = fs.readFileSync(fixture('seed.md'));
const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf8.toString('utf8'), 'utf16le')]);
const be = Buffer.from(le).swap16();
const body = (bytes: Buffer) => readFile(bytes, 'seed.md').then((r) => r.records.map(({ id: _i, source: _s, ...rest }) => rest));

it.each([
  ['little-endian', le],
  ['big-endian', be],
])('UTF-16 %s with a BOM reads to the UTF-8 original’s record', async (_name, bytes) => {
  expect(await body(bytes)).toStrictEqual(await body(utf8));
});

it('UTF-16 cut in the middle of a character is a one-line reason, not mojibake', async () => {
  await expect(readFile(le.subarray(0, le.length - 1), 'cut.md')).rejects.toThrow(/damaged UTF-16 text/);
});
