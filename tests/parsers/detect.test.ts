import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../parsers/detect.ts';
import type { FilingError } from '../../parsers/errors.ts';
import { fixture } from '../helpers/cli.ts';

const detect = (f: string) => detectFormat(fs.readFileSync(fixture(f)));
const code = async (f: string) => {
  try {
    await detect(f);
  } catch (e) {
    return (e as FilingError).code;
  }
  return 'ok';
};

describe('the format comes from the bytes', () => {
  it.each([
    ['seed.docx', 'docx'],
    ['seed.xlsx', 'xlsx'],
    ['seed.xls', 'xls'],
    ['seed-gbk.xls', 'xls'],
    ['seed.md', 'md'],
    ['wrong-ext.docx', 'xlsx'],
    ['legacy/seed.doc', 'doc'],
    ['legacy/real-05.wps', 'doc'],
    ['legacy/real-06.et', 'xls'],
    ['bad/legacy.doc', 'doc'],
  ])('%s is %s', async (f, format) => expect(await detect(f)).toBe(format));

  it.each([
    ['bad/empty.docx', 'empty_file'],
    ['bad/picture.docx', 'unsupported_format'],
    ['bad/encrypted.xlsx', 'encrypted'],
    ['bad/corrupt.xlsx', 'corrupt'],
    ['bad/truncated.docx', 'corrupt'],
    ['bad/bomb.docx', 'zip_bomb'],
  ])('%s fails as %s', async (f, c) => expect(await code(f)).toBe(c));
});
