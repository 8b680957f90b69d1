// Text from forms and file names shown on a terminal. A control character in it is an instruction
// to the terminal, not text: ESC ] 0; … BEL retitles the window, ESC [ 2J clears the screen, a C1
// CSI (U+009B) does what ESC [ does. Each is shown as a visible escape instead, so the auditor sees
// that it is there and the terminal does nothing: the very rule of the error lines' file names.
// Layout newlines are the printer's own, added after this; a newline inside a value is escaped too.
export { oneLine as terminalText } from './one-line.ts';
