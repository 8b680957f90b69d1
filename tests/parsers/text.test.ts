// Notepad's "Unicode" and "Unicode big endian" are UTF-16 with a byte-order mark: text, not binary.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../parsers/detect.ts';
import { parseBytes } from '../../parsers/index.ts';
import { fixture } from '../helpers/cli.ts';
import { expectFilingError, timed } from './hostile.ts';

const seed = fs.readFileSync(fixture('seed.md'), 'utf8');
const utf16 = (text: string, order: 'le' | 'be') => {
  const bytes = Buffer.from(`\ufeff${text}`, 'utf16le');
  return order === 'le' ? bytes : bytes.swap16();
};

describe('UTF-16 Markdown with a byte-order mark reads like UTF-8', () => {
  it.each(['le', 'be'] as const)('UTF-16 %s', async (order) => {
    const bytes = utf16(seed, order);
    expect(await detectFormat(bytes)).toBe('md');
    const [fromUtf16, fromUtf8] = await Promise.all([parseBytes(bytes), parseBytes(Buffer.from(seed))]);
    expect(fromUtf16.grids).toEqual(fromUtf8.grids);
  });

  it('a byte-order mark in front of binary data is still binary data', async () => {
    const { error } = await timed(() => parseBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.alloc(64)])));
    expectFilingError(error, 'unsupported_format', /^not a Word, Excel or Markdown file \(binary data\)$/);
  });

  it('UTF-16 cut off in the middle of a character is damaged text', async () => {
    const { error } = await timed(() => parseBytes(utf16(seed, 'le').subarray(0, 101)));
    expectFilingError(error, 'unsupported_format', /^damaged UTF-16 text \(it does not decode\)$/);
  });
});
