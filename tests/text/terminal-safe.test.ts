import { expect, it } from 'vitest';
import { terminalText } from '../../src/text/terminal-safe.ts';

it('shows escape sequences as visible escapes, so the terminal runs none of them', () => {
  expect(terminalText('\x1b]0;owned\x07\x1b[2J某局')).toBe('\\x1b]0;owned\\x07\\x1b[2J某局');
  expect(terminalText('\u009b2J')).toBe('\\x9b2J');
});

it('escapes every C0 and C1 control and DEL, line breaks and tabs in a value included', () => {
  const controls = [...Array(0x20).keys(), ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i)].map((c) => String.fromCharCode(c));
  for (const c of controls) expect(terminalText(`a${c}b`)).toMatch(/^a\\(x[0-9a-f]{2}|[nrt])b$/);
  expect(terminalText('a\nb\r\tc\u2028d')).toBe('a\\nb\\r\\tc\\u2028d');
});

it('leaves printable text alone, Chinese and symbols included', () => {
  const text = '江城市教育局 ≥90% (派出所)特保费用 =cmd|\' /C calc\'!A0 \u00a0é';
  expect(terminalText(text)).toBe(text);
});
