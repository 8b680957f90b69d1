// Text from forms and file names shown on a terminal. A control character in it is an instruction
// to the terminal, not text: ESC ] 0; … BEL retitles the window, ESC [ 2J clears the screen, a C1
// CSI (U+009B) does what ESC [ does. Each C0 and C1 control and DEL (and the Unicode line and
// paragraph separators some terminals break at) is shown as a visible escape instead, so the auditor
// sees that it is there and the terminal does nothing. Layout newlines are the printer's own, added
// after this; a newline inside a value is escaped too. The same rule as the error lines' file names.
const NAMED = new Map([['\n', '\\n'], ['\r', '\\r'], ['\t', '\\t']]);
const CONTROL = /[\p{Cc}\u2028\u2029]/gu;

export function terminalText(text: string): string {
  return text.replace(CONTROL, (c) => NAMED.get(c) ?? escape(c.codePointAt(0)!));
}

function escape(code: number): string {
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}
