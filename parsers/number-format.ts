// The text Excel displays for a number under a number format code, for the codes real Chinese
// workbooks carry. SheetJS's formatter (SSF) gets most codes right; where it does not, the CODE is
// corrected before it formats, never its output text:
//   [$-409] [$-804] [$-x-sysdate]   a locale tag displays nothing; SSF prints it as `$` (`$100%`).
//   [$¥-804] [$USD-409]              a currency tag displays its symbol: becomes the literal "¥".
//   [DBNum1] [DBNum2] [NatNum1]      Chinese numerals: the cell reads as the number it holds, so the
//                                    tag goes and the rest of the code formats it.
//   _x  *x                           alignment padding and column fill add nothing to the text.
//   ￥ 年 元 … unquoted                WPS and zh-CN Excel leave non-ASCII literals unquoted
//                                    (`_ ￥* #,##0.00_ `, `yyyy年m月d日`); SSF throws on them, so they
//                                    are quoted.
// Quoted literals ("…") and escaped characters (\x) are copied as they are: a `[$-409]` or `_` inside
// them is text. Where the display would lose the number — the accounting format's zero shown as `-`,
// a hidden `;;;` section, anything SSF cannot format — the cell reads as the number itself.
import * as XLSX from 'xlsx';

// A workbook uses a handful of codes over thousands of cells: each is cleaned once. Bounded, since a
// hostile file may carry any number of codes.
const cleaned = new Map<string, string>();

/** The format code with the tags SSF gets wrong removed or turned into literals. */
export function cleanFormat(code: string): string {
  let out = cleaned.get(code);
  if (out === undefined) {
    if (cleaned.size >= 1000) cleaned.clear();
    cleaned.set(code, (out = clean(code)));
  }
  return out;
}

function clean(code: string): string {
  let out = '';
  let literal = ''; // a run of unquoted non-ASCII characters, emitted as one quoted literal
  const flush = () => {
    if (literal) out += `"${literal}"`;
    literal = '';
  };
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch.charCodeAt(0) > 0x7e) {
      literal += ch;
      continue;
    }
    flush();
    if (ch === '"') {
      const end = code.indexOf('"', i + 1);
      const stop = end < 0 ? code.length : end + 1;
      out += code.slice(i, stop);
      i = stop - 1;
    } else if (ch === '\\') {
      out += code.slice(i, i + 2);
      i++;
    } else if (ch === '_' || ch === '*') {
      i++; // the padding or fill character goes with it
    } else if (ch === '[') {
      const end = code.indexOf(']', i + 1);
      if (end < 0) {
        out += code.slice(i);
        break;
      }
      out += bracket(code.slice(i + 1, end));
      i = end;
    } else {
      out += ch;
    }
  }
  flush();
  return out;
}

/** One `[...]` of a code, without its brackets: what it becomes in the cleaned code. */
function bracket(inner: string): string {
  if (inner.startsWith('$')) {
    // [$<symbol>-<locale>] or [$<symbol>]: the symbol is displayed, the locale is not.
    const dash = inner.indexOf('-');
    const symbol = dash < 0 ? inner.slice(1) : inner.slice(1, dash);
    return symbol ? `"${symbol.replace(/"/g, '')}"` : '';
  }
  if (/^(?:DBNum|NatNum)\d+$/i.test(inner)) return '';
  return `[${inner}]`; // colours, conditions, elapsed time ([h]) are SSF's to read
}

const isGeneral = (code: string) => code === '' || /^general$/i.test(code);

/** A number as the filer typed it: what a General cell reads as (see cellText). */
const plain = (value: number) => String(value);

/** The text Excel displays for `value` under `formatCode`, trimmed. */
export function displayText(value: number, formatCode: string): string {
  const code = cleanFormat(formatCode).trim();
  if (isGeneral(code)) return plain(value);
  let text: string;
  try {
    text = XLSX.SSF.format(code, value).trim();
  } catch {
    return plain(value); // a code SSF cannot read: the number is still what the cell holds
  }
  // Nothing but dashes, symbols and spaces left (accounting zero `￥ -`, `;;;`, an empty section):
  // the display has lost the number, so the cell reads as the number.
  return /[\p{L}\p{N}]/u.test(text) ? text : plain(value);
}
