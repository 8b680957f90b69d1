import { describe, expect, it } from 'vitest';
import { parseTarget } from '../../src/values/target.ts';

describe('targets keep their text and, for one comparison, its number', () => {
  it.each([
    ['100%', '=', 100, '%'],
    ['=100.00(%)', '=', 100, '%'],
    ['≥90.00(%)', '>=', 90, '%'],
    ['24小时/天', '=', 24, '小时/天'],
    ['985米', '=', 985, '米'],
    ['≥85%', '>=', 85, '%'],
    ['≤1min', '<=', 1, 'min'],
    ['不低于90%', '>=', 90, '%'],
    ['不少于3次', '>=', 3, '次'],
    ['至少2个', '>=', 2, '个'],
    ['不高于5%', '<=', 5, '%'],
    ['不超过65万元', '<=', 65, '万元'],
    ['不多于10人', '<=', 10, '人'],
    ['>92%', '>', 92, '%'],
    ['<3天', '<', 3, '天'],
    ['≥12万平方米', '>=', 12, '万平方米'],
    ['2', '=', 2, null],
    ['≥1,290.3平方米', '>=', 1290.3, '平方米'],
    ['≥80M', '>=', 80, 'M'],
  ])('%s', (raw, op, value, unit) => {
    expect(parseTarget(raw)).toEqual({ raw, kind: 'numeric', op, value, unit });
  });

  it.each([
    ['90%-100%', 90, 100, '%'],
    ['90~100%', 90, 100, '%'],
  ])('range %s', (raw, min, max, unit) => {
    expect(parseTarget(raw)).toEqual({ raw, kind: 'range', min, max, unit });
  });

  it.each([
    '有所降低', '健全', '年均流动≤20人次,且不影响工作部署', '提前1天完成', '参照政府采购成本控制',
    '2025年年底前', '2025年12月', '2023.07-2024.01', '100%(1.0)', '超13万元/年', '≥**人次', '长期',
  ])('qualitative %s', (raw) => {
    expect(parseTarget(raw)).toEqual({ raw, kind: 'qualitative' });
  });

  it('a blank target is null', () => {
    expect(parseTarget('')).toBeNull();
    expect(parseTarget(null)).toBeNull();
  });
});
