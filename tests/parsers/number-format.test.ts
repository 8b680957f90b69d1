// Format code × value → the text Excel displays. Expected texts come from Microsoft's "Number format
// codes" / "Review guidelines for customizing a number format" pages and from the record contract
// (shared spec, "A spreadsheet cell reads as the text Excel displays"), never from this code's output.
// Padding (`_x`, `*x`) adds nothing and the text is trimmed, per the contract.
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { cleanFormat, displayText } from '../../parsers/number-format.ts';

// zh-CN Excel's accounting format (会计专用), as it stores it.
const ZH_ACCOUNTING = '_ ￥* #,##0.00_ ;_ ￥* -#,##0.00_ ;_ ￥* "-"??_ ;_ @_ ';
// en-US Excel's accounting format.
const US_ACCOUNTING = '_("$"* #,##0.00_);_("$"* \\(#,##0.00\\);_("$"* "-"??_);_(@_)';

const table: [code: string, value: number, shows: string, why: string][] = [
  // Locale tags display nothing (contract).
  ['[$-409]#,##0.00', 3600, '3,600.00', 'locale tag'],
  ['[$-804]#,##0.00', 3600, '3,600.00', 'locale tag'],
  ['[$-804]0%', 1, '100%', 'locale tag on a percent'],
  ['[$-409]0%', 1, '100%', 'locale tag on a percent'],
  ['[$-804]0.00%', 0.855, '85.50%', 'locale tag on a percent'],
  ['[$-409]General', 12.5, '12.5', 'locale tag on General'],
  ['[$-10804]0.00', 3, '3.00', 'a locale tag with a calendar/numeral prefix'],
  ['[$-409]#,##0.00;[Red]-#,##0.00', -3600, '-3,600.00', 'locale tag and a red negative section'],
  // Currency tags display their symbol (contract).
  ['[$¥-804]#,##0.00', 5, '¥5.00', 'currency tag'],
  ['[$￥-804]#,##0.00', 5, '￥5.00', 'full-width yuan sign'],
  ['[$$-409]#,##0.00', 5, '$5.00', 'dollar tag'],
  ['[$€-2]\\ #,##0.00', 5, '€ 5.00', 'euro tag and an escaped space'],
  ['[$¥-804]#,##0.00', -5, '-¥5.00', 'one section: the minus sign leads'],
  ['[$¥-804]#,##0.00;[RED]-[$¥-804]#,##0.00', -5, '-¥5.00', "LibreOffice's red negative currency"],
  // Chinese numerals read as the number they hold (contract): the rest of the code formats it.
  ['[DBNum1][$-804]General', 3600, '3600', 'DBNum1'],
  ['[DBNum2]0', 12, '12', 'DBNum2'],
  ['[DBNum1][$-804]0.00', 3600, '3600.00', 'DBNum1 over a fixed-decimal code'],
  // Accounting formats: fill and padding add nothing; a zero shown as `-` reads as the number.
  [ZH_ACCOUNTING, 3600, '￥3,600.00', 'zh-CN accounting, positive'],
  [ZH_ACCOUNTING, -5, '￥-5.00', 'zh-CN accounting, negative section'],
  [ZH_ACCOUNTING, 0, '0', 'zh-CN accounting zero shows `-`: the number is read instead'],
  [US_ACCOUNTING, -1234.5, '$(1,234.50)', 'en-US accounting, negative in parentheses'],
  [US_ACCOUNTING, 0, '0', 'en-US accounting zero shows `-`: the number is read instead'],
  // Padding `_x` makes room for a character's width and shows nothing.
  ['#,##0.00_);[Red](#,##0.00)', -5, '(5.00)', 'negative section in parentheses, colour'],
  ['0.00_);(0.00)', -1.5, '(1.50)', 'Microsoft: `_)` aligns positives with parenthesised negatives'],
  ['0.00_ ', 2, '2.00', 'padding with a space'],
  ['#,##0.00_ ;[Red]\\-#,##0.00\\ ', -5, '-5.00', "zh-CN Excel's red negative number format"],
  // Text and hidden sections.
  ['@', 42, '42', 'text format: the number as typed'],
  [';;;', 7, '7', 'hidden: the display loses the number, so the number is read'],
  // Microsoft's documented digit placeholder and thousands examples.
  ['####.#', 1234.59, '1234.6', 'Microsoft: #'],
  ['#.000', 8.9, '8.900', 'Microsoft: 0 pads decimals'],
  ['0.#', 0.631, '0.6', 'Microsoft: leading zero'],
  ['#.0#', 12, '12.0', 'Microsoft: #.0#'],
  ['#.0#', 1234.568, '1234.57', 'Microsoft: #.0#'],
  ['#,###', 12000, '12,000', 'Microsoft: thousands separator'],
  ['#,', 12000, '12', 'Microsoft: a trailing comma scales by 1,000'],
  ['0.0,,', 12200000, '12.2', 'Microsoft: two trailing commas scale by 1,000,000'],
  ['0%', 0.08, '8%', 'Microsoft: percent'],
  ['0%', 2.8, '280%', 'Microsoft: percent'],
  // Colours and conditions choose a section and show no text of their own.
  ['[Red]0.00', -3, '-3.00', 'colour'],
  ['[>=100]0;0.00', 150, '150', 'condition met'],
  ['[>=100]0;0.00', 5, '5.00', 'condition not met'],
  ['[Red][<=100];[Blue][>100]', 50, '50', 'Microsoft: colour and condition sections'],
  ['[Red][<=100];[Blue][>100]', 150, '150', 'Microsoft: colour and condition sections'],
  // Literals: quoted, escaped, and the non-ASCII ones WPS / zh-CN Excel leave unquoted.
  ['0.00"万元"', 12, '12.00万元', 'quoted literal'],
  ['0.00万元', 12, '12.00万元', 'unquoted Chinese literal'],
  ['0.00\\元', 3, '3.00元', 'escaped literal'],
  ['0.00"[$-409]_x"', 3, '3.00[$-409]_x', 'a tag or padding inside quotes is text'],
  ['0.00\\_', 3, '3.00_', 'an escaped underscore is text'],
  // Dates with Chinese literals display as written (cellText turns date cells into ISO dates).
  ['yyyy"年"m"月"d"日"', 45000, '2023年3月15日', 'quoted Chinese date literals'],
  ['yyyy年m月d日', 45000, '2023年3月15日', 'unquoted Chinese date literals'],
  ['[$-804]yyyy"年"m"月"d"日"', 45000, '2023年3月15日', 'locale tag on a date'],
];

describe('a number displays as Excel shows it under its format code', () => {
  it.each(table)('%j of %d shows %j (%s)', (code, value, shows) => {
    expect(displayText(value, code)).toBe(shows);
  });
});

describe('the cleaned code still tells a date from a number', () => {
  it.each([
    '[$-804]yyyy"年"m"月"d"日"',
    '[$-x-sysdate]dddd, mmmm dd, yyyy',
    '[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy',
    'yyyy年m月d日',
    '[DBNum1][$-804]yyyy"年"m"月"d"日"',
    'yyyy/m/d',
  ])('%j is a date', (code) => {
    expect(XLSX.SSF.is_date(cleanFormat(code))).toBe(true);
  });
  it.each(['[$-409]#,##0.00', '[$-804]0%', '[$¥-804]#,##0.00', ZH_ACCOUNTING, '[DBNum1][$-804]General', '0.00"年"', '[$USD-409]#,##0'])(
    '%j is not a date',
    (code) => {
      expect(XLSX.SSF.is_date(cleanFormat(code))).toBe(false);
    },
  );
});
