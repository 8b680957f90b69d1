// SheetJS reports some damage on the console instead of to its caller (a legacy workbook with unknown
// records prints `Missing Info for XLS Record 0xffff`, once per record): on a user's terminal that is
// noise between progress lines, from a reader thread that cannot say which file it came from. During
// a read, what the library prints becomes the file's messages instead, a few of them and a count.
import type { ParseMessage } from './grid.ts';

const KEPT = 5;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]+/g;

/** Runs `read` (synchronous) with console output turned into info messages that name `library`. */
export function consoleAsMessages<T>(library: string, messages: ParseMessage[], read: () => T): T {
  const saved = { error: console.error, warn: console.warn, log: console.log };
  let said = 0;
  const note = (...args: unknown[]) => {
    if (said++ < KEPT) messages.push({ level: 'info', message: `${library}: ${args.map(String).join(' ').replace(CONTROL, ' ').slice(0, 200)}` });
  };
  console.error = console.warn = console.log = note;
  try {
    return read();
  } finally {
    Object.assign(console, saved);
    if (said > KEPT) messages.push({ level: 'info', message: `${library}: ${said - KEPT} more such message(s)` });
  }
}
