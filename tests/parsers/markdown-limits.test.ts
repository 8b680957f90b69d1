// Markdown shapes that remark reads in more than linear time or stack are refused before it starts,
// quickly and with the line to look at; ordinary forms, however many, still read.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../parsers/markdown.ts';
import { fixture } from '../helpers/cli.ts';
import { expectFilingError, QUICK_MS, timed } from './hostile.ts';

const seed = fs.readFileSync(fixture('seed.md'), 'utf8');
const row = (cells: number) => `|${' a |'.repeat(cells)}\n`;
const table = (columns: number, rows: number) => `${row(columns)}|${'---|'.repeat(columns)}\n${row(columns).repeat(rows)}`;
const parse = (text: string) => timed(() => parseMarkdown(text));

describe('refused before remark reads them', () => {
  it.each([
    ['a 1 MB table of 10,000 columns', table(10_000, 20), 'too_large', /^text too long \(880,\d{3} characters; the limit is 200,000\)$/],
    ['a table of 300 columns', table(300, 3), 'too_large', /^table too wide \(line 1: 300 columns; the limit is 256\)$/],
    ['a table of 20,000 rows', table(7, 20_000).slice(0, 190_000), 'too_large', /^table or paragraph too long \(more than 2,000 lines without a blank line, from line 1\)$/],
    ['tables of 25,000 cells in all', `${table(50, 99)}\n`.repeat(5), 'too_large', /^tables too large together \(more than 20,000 cells by line [\d,]+\)$/],
    ['10,000 * either side of a word', `${'*'.repeat(10_000)}x${'*'.repeat(10_000)}\n\n${seed}`, 'too_complex', /^too many \*, _, ~, \[ and \] in one paragraph \(more than 500 by line 1\)$/],
    ['2,000 nested images', `${'!['.repeat(2000)}x${'](a.png)'.repeat(2000)}\n`, 'too_complex', /^too many \*, _, ~, \[ and \] in one paragraph/],
    ['2,000 nested strikethroughs', `${'~~a '.repeat(2000)}x${' b~~'.repeat(2000)}\n`, 'too_complex', /^too many \*, _, ~, \[ and \] in one paragraph/],
    ['a word in 20,000 quotes', `${'>'.repeat(20_000)} x\n\n${seed}`, 'too_complex', /^nested too deeply \(line 1: 20,000 levels of quotes or lists; the limit is 32\)$/],
    ['a list nested 10,000 deep on one line', `${'- '.repeat(10_000)}x\n`, 'too_complex', /^nested too deeply \(line 1: 10,000 levels/],
    ['5,000 lines of `- - x`', '- - x\n'.repeat(5000), 'too_complex', /^too many lists, quotes or underlined headings for a text this long \(by line \d/],
    ['5,000 quotes each closed by a blank line', '> x\n\n'.repeat(5000), 'too_complex', /^too many lists, quotes or underlined headings/],
    ['4,000 underlined headings', 'title\n===\n\n'.repeat(4000), 'too_complex', /^too many lists, quotes or underlined headings/],
    ['twenty paragraphs of emphasis that never pairs up', `${'*a '.repeat(250)}${'a_ '.repeat(249)}\n\n`.repeat(20), 'too_complex', /^too many \*, _, ~, \[ and \] for one text \(by line 21\)$/],
  ] as const)('%s', async (_, text, code, message) => {
    const { ms, error } = await parse(text);
    expect(ms).toBeLessThan(QUICK_MS);
    expectFilingError(error, code, message);
  });
});

describe('ordinary Markdown still reads', () => {
  it('forty forms in one file', async () => {
    const { ms, value, error } = await parse(`${seed}\n\n`.repeat(40));
    expect(error).toBeUndefined();
    expect(ms).toBeLessThan(QUICK_MS);
    expect(value!.grids).toHaveLength(40);
  });

  it('a rule of 10,000 * above a form is a rule, not emphasis', async () => {
    const { value, error } = await parse(`${'*'.repeat(10_000)}\n\n${seed}`);
    expect(error).toBeUndefined();
    expect(value!.grids).toHaveLength(1);
  });

  it('bold labels in every row of a long table', async () => {
    const text = `| a | b |\n|---|---|\n${'| **项目名称** | x |\n'.repeat(1500)}`;
    const { ms, value, error } = await parse(text);
    expect(error).toBeUndefined();
    expect(ms).toBeLessThan(QUICK_MS);
    expect(value!.grids[0].cells[1][0]).toBe('项目名称');
  });

  it('fill-in blanks of underscores in the lines above a form', async () => {
    const { value, error } = await parse(`填报单位：${'_'.repeat(40)} 联系人：${'_'.repeat(20)} 电话：${'_'.repeat(20)}\n\n${seed}`);
    expect(error).toBeUndefined();
    expect(value!.grids[0].before[0]).toMatch(/^填报单位：_{40} 联系人/);
  });
});
