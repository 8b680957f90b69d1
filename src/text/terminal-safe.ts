// Text from forms and file names shown on a terminal. A control character in it is an instruction
// to the terminal, not text: ESC ] 0; … BEL retitles the window, ESC [ 2J clears the screen, a C1
// CSI (U+009B) does what ESC [ does. Each C0 and C1 control and DEL is shown as a visible \xHH
// instead, so the auditor sees that it is there and the terminal does nothing. Layout newlines are
// the printer's own and are added after this; a newline inside a value is escaped too.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/gu;

export function terminalText(text: string): string {
  return text.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
