import { expect, it } from 'vitest';
import { spreadsheetText } from '../../src/text/spreadsheet-safe.ts';

it.each([
  ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
  ['=HYPERLINK("http://evil.example/","点我")', `'=HYPERLINK("http://evil.example/","点我")`],
  ['+86 10 1234', "'+86 10 1234"],
  ['-2+3', "'-2+3"],
  ['@SUM(1)', "'@SUM(1)"],
  ['\t=1+1', "'\t=1+1"],
  ['\r=1+1', "'\r=1+1"],
])('a cell that would start a formula, %j, gets a leading quote', (text, safe) => {
  expect(spreadsheetText(text)).toBe(safe);
});

it.each(['特保费用', '≥90%', '1+1', 'a=b', "'quoted", ''])('other text, %j, is left as it is', (text) => {
  expect(spreadsheetText(text)).toBe(text);
});

it.each(['=', '-', '+', '@', '\t'])('one such character alone, %j, is no formula and is left as it is', (text) => {
  expect(spreadsheetText(text)).toBe(text);
});

it.each(['-\n=1+1', '=\n'])('a formula start followed by a line break, %j, is quoted too', (text) => {
  expect(spreadsheetText(text)).toBe(`'${text}`);
});
