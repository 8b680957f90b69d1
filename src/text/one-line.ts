// A file name as it may be printed inside one line of output. Names can hold any character but `/`
// and NUL: a newline in one would split `filings: PATH: reason` in two (and could forge a line that
// a script reading the output believes), a carriage return or escape sequence could overwrite the
// terminal. Backslashes are left as they are: names copied from Windows archives hold them, and
// doubling them would make those names harder to recognise than the rare ambiguity is worth.

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

// C0 and C1 controls, DEL, and the two Unicode line breaks that some terminals and editors honour.
const CONTROL = /[\p{Cc}\u2028\u2029]/gu;

export function oneLine(text: string): string {
  return text.replace(CONTROL, (c) => NAMED[c] ?? escapeCode(c.codePointAt(0)!));
}

function escapeCode(code: number): string {
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}
