import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../src/values/amount.ts';

describe('amounts become numbers in 万元', () => {
  it('reads 万元 as they are', () => {
    expect(parseAmount('638.7279', '万元')).toBe(638.7279);
    expect(parseAmount('1000.00', '万元')).toBe(1000);
  });
  it('converts a form in 元', () => {
    expect(parseAmount('771,325,800.00', '元')).toBe(77132.58);
    expect(parseAmount('3,498,000.00', '元')).toBe(349.8);
  });
  it('honours a unit written in the cell', () => {
    expect(parseAmount('10000万元', '元')).toBe(10000);
    expect(parseAmount('250万', '万元')).toBe(250);
    expect(parseAmount('5000元', '万元')).toBe(0.5);
  });
  it('blank is null, words are not an amount', () => {
    expect(parseAmount('', '万元')).toBeNull();
    expect(parseAmount(null, '万元')).toBeNull();
    expect(parseAmount('见附件', '万元')).toBeUndefined();
  });
  it('converts a form in 千元 or 亿元, and a unit written in the cell', () => {
    expect(parseAmount('6,387.28', '千元')).toBe(638.728); // 6,387.28 千元 = 638.728 万元
    expect(parseAmount('1.5', '亿元')).toBe(15000);
    expect(parseAmount('500千元', '万元')).toBe(50);
    expect(parseAmount('2亿元', '万元')).toBe(20000);
  });
  it('drops the currency symbol a spreadsheet format displays', () => {
    expect(parseAmount('¥3,600.00', '万元')).toBe(3600);
    expect(parseAmount('￥5.00', '元')).toBe(0.0005);
    expect(parseAmount('$3,600.00', '万元')).toBeUndefined(); // a dollar amount is no 万元 amount
  });
});
