import { describe, expect, it } from 'vitest';
import { isPlain, labelKey, normalizeText } from '../../src/text/normalize.ts';

describe('text normalisation', () => {
  it('folds full-width forms and white space', () => {
    expect(normalizeText('  项目资金（元）：\n ')).toBe('项目资金(元):');
    expect(normalizeText('ＡＢＣ　１２３')).toBe('ABC 123');
  });
  it('joins a label written one character per line', () => {
    expect(normalizeText('绩\n效\n指\n标')).toBe('绩效指标');
    expect(normalizeText('社会效益\n指标')).toBe('社会效益指标');
  });
  it('keeps a space between Latin words and drops wrapping quotes', () => {
    expect(normalizeText('"1.完成 A 项"')).toBe('1.完成 A 项');
  });
  it('label keys lose annotations and trailing colons', () => {
    expect(labelKey('产出指标(50分)')).toBe('产出指标');
    expect(labelKey('成本指标(0-20)分')).toBe('成本指标');
    expect(labelKey('数量指标(必填硬性指标)')).toBe('数量指标');
    expect(labelKey('年度资金总额：')).toBe('年度资金总额');
    expect(labelKey('其中: 财政资金')).toBe('其中:财政资金');
  });
  it('lets through as plain only characters that NFKC keeps as they are', () => {
    let plain = 0;
    for (let c = 0; c <= 0xffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      if (!isPlain(ch)) continue;
      plain++;
      expect(ch.normalize('NFKC'), `U+${c.toString(16)}`).toBe(ch);
      expect(/\s/.test(ch), `U+${c.toString(16)}`).toBe(false);
    }
    // ASCII without space, the CJK ideographs, and the punctuation list.
    expect(plain).toBeGreaterThan(20_000);
    expect(isPlain('，')).toBe(false);
    expect(isPlain('(')).toBe(true);
    expect(isPlain('"引号"')).toBe(false);
    expect(isPlain('a b')).toBe(false);
  });
  it('reads a plain text and the same text with full-width forms alike', () => {
    expect(normalizeText('满意度≥90%。')).toBe('满意度≥90%。');
    expect(normalizeText('满意度≥９０％。')).toBe('满意度≥90%。');
    expect(normalizeText('"满意度"')).toBe('满意度');
  });
});
