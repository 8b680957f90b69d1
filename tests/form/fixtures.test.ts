// Every fixture form reads to the record checked by hand in tests/form/expected/, in every format it
// was written in. Grid positions of unmapped cells differ between formats (a workbook keeps its title
// rows in the grid, Markdown prints them above the table), so for the other formats their texts count.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFile } from '../../src/read-file.ts';
import type { FilingRecord } from '../../src/schema.ts';
import { fixture, root } from '../helpers/cli.ts';

type Body = Omit<FilingRecord, 'id' | 'source'>;
const expectedOf = (name: string): Body[] => JSON.parse(fs.readFileSync(path.join(root, 'tests/form/expected', `${name}.json`), 'utf8'));
const body = ({ id: _id, source: _source, ...rest }: FilingRecord): Body => rest;
const textsOnly = (b: Body) => ({ ...b, unmapped: b.unmapped.map((u) => u.text) });

async function read(file: string) {
  const bytes = fs.readFileSync(fixture(file));
  const { records } = await readFile(bytes, fixture(file));
  const sha = createHash('sha256').update(bytes).digest('hex');
  records.forEach((r, i) => {
    expect(r.source.sha256).toBe(sha);
    expect(r.source.formIndex).toBe(i);
    expect(r.id).toBe(`${sha}:${i}`);
    expect(r.source.file).toBe(file);
  });
  return records;
}

const families: [string, string[]][] = [
  ['real-04', ['docx', 'md', 'xlsx']],
  ['real-05', ['docx', 'md', 'xlsx']],
  ['real-06', ['docx', 'md', 'xlsx']],
  ['putuo-2026', ['docx', 'md', 'xlsx']],
  ['wuhan-2020', ['docx', 'md', 'xlsx']],
  ['older-scheme-2019', ['docx', 'md', 'xlsx']],
  ['jiaxian-2016', ['docx', 'md', 'xlsx']],
  ['fengjie-2023', ['docx', 'md', 'xlsx']],
  ['system-split', ['docx', 'md', 'xlsx']],
  ['multi-3', ['md']],
  ['multi-2', ['docx', 'xlsx']],
  ['percent', ['xlsx']],
  ['title-above', ['docx']],
];

describe.each(families)('%s', (name, formats) => {
  it.each(formats)('reads from .%s to the checked record', async (format) => {
    const records = await read(`${name}.${format}`);
    expect(records.map((r) => r.source.format)).toEqual(records.map(() => format));
    const expected = expectedOf(name);
    if (format === formats[0]) expect(records.map(body)).toStrictEqual(expected);
    else expect(records.map(body).map(textsOnly)).toStrictEqual(expected.map(textsOnly));
  });
});

describe('the seed form written by Word and Excel reads to the seed record but for source', () => {
  const seed: FilingRecord[] = JSON.parse(fs.readFileSync(fixture('seed.expected.json'), 'utf8'));
  it.each([
    ['seed.docx', 'docx', 'table 1'],
    ['seed.xlsx', 'xlsx', 'sheet 特保费用'],
    ['seed.xls', 'xls', 'sheet 特保费用'],
    ['seed-gbk.xls', 'xls', 'sheet 特保费用'],
    ['gridbefore.docx', 'docx', 'table 1'],
    ['bookmark-rows.docx', 'docx', 'table 1'],
    ['wrong-ext.docx', 'xlsx', 'sheet 特保费用'],
  ])('%s', async (file, format, locator) => {
    const records = await read(file);
    expect(records.map(body)).toStrictEqual(seed.map(body));
    expect(records[0].source).toMatchObject({ format, locator });
  });
});
