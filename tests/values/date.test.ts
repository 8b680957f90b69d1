import { describe, expect, it } from 'vitest';
import { parseDate, parseDateRange } from '../../src/values/date.ts';

describe('dates become ISO dates', () => {
  it.each([
    ['2021-01-01', '2021-01-01'],
    ['2021/1/1', '2021-01-01'],
    ['2021.1.1', '2021-01-01'],
    ['2021年1月1日', '2021-01-01'],
    ['20210101', '2021-01-01'],
    ['44197', '2021-01-01'],
    ['2026/1/1', '2026-01-01'],
  ])('%s', (text, iso) => expect(parseDate(text)).toBe(iso));

  it('rejects what is not a date', () => {
    expect(parseDate('2021-13-01')).toBeNull();
    expect(parseDate('全年')).toBeNull();
    expect(parseDate('2021-02-30')).toBeNull();
  });

  it.each([
    ['202001-202012', '2020-01-01', '2020-12-31'],
    ['2023.07-2024.01', '2023-07-01', '2024-01-31'],
    ['2023年4月-2024年2月', '2023-04-01', '2024-02-29'],
    ['2025年1月1日-2025年12月31日', '2025-01-01', '2025-12-31'],
    ['2025年1月-12月', '2025-01-01', '2025-12-31'],
    ['2019年1月1日至2019年12月31日', '2019-01-01', '2019-12-31'],
    ['2021-01-01-2021-12-31', '2021-01-01', '2021-12-31'],
    ['20190101-20191231', '2019-01-01', '2019-12-31'],
  ])('period %s', (text, start, end) => expect(parseDateRange(text)).toEqual({ start, end }));

  it('a duration is not a period', () => expect(parseDateRange('3年')).toBeNull());
});
