// How many terminal columns a string takes: CJK characters and full-width forms take two, combining
// marks none. Ambiguous-width symbols (≥, ≤, ①) are counted as one, as Western terminals show them.
const WIDE: [number, number][] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x20000, 0x3fffd],
];

export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (/\p{Mn}/u.test(ch)) continue;
    w += WIDE.some(([a, b]) => cp >= a && cp <= b) ? 2 : 1;
  }
  return w;
}

export function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

export function padStart(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(s))) + s;
}

/** A line cut into pieces of at most `width` columns; at a space where one is near, else anywhere (Chinese has none). */
export function wrapText(s: string, width: number): string[] {
  if (displayWidth(s) <= width) return [s];
  const out: string[] = [];
  let line = '';
  let w = 0;
  for (const ch of s) {
    const cw = displayWidth(ch);
    if (w + cw > width) {
      const space = line.lastIndexOf(' ');
      if (space > line.length / 2) {
        out.push(line.slice(0, space));
        line = line.slice(space + 1);
        w = displayWidth(line);
      } else {
        out.push(line);
        line = '';
        w = 0;
      }
    }
    line += ch;
    w += cw;
  }
  if (line) out.push(line);
  return out;
}
