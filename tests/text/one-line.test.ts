import { describe, expect, it } from 'vitest';
import { oneLine } from '../../src/text/one-line.ts';

describe('a file name on one line', () => {
  it('shows a newline, carriage return and tab in a name as escapes, not as line breaks', () => {
    expect(oneLine('a\nb.docx')).toBe('a\\nb.docx');
    expect(oneLine('a\r\tb')).toBe('a\\r\\tb');
  });
  it('escapes the other controls (a terminal escape sequence, DEL, C1) and Unicode line breaks', () => {
    expect(oneLine('\u001b[2Jx\u007f\u0085')).toBe('\\x1b[2Jx\\x7f\\x85');
    expect(oneLine('a\u2028b\u2029c')).toBe('a\\u2028b\\u2029c');
  });
  it('leaves ordinary names alone, Chinese, spaces and backslashes included', () => {
    for (const name of ['2023年 城区道路养护.docx', 'C:\\报表\\a.xlsx', 'émigré.md']) expect(oneLine(name)).toBe(name);
  });
  it('never leaves a line break in what it returns', () => {
    const all = Array.from({ length: 0x3000 }, (_, i) => String.fromCharCode(i)).join('');
    expect(oneLine(all)).not.toMatch(/[\n\r\u0085\u2028\u2029\u000b\u000c]/u);
  });
});
