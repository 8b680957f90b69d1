// Views as plain text tables for a terminal: a title, aligned columns (CJK counted double), the
// marks spelled out after the value so that nothing depends on colour, then the notes. Every text
// (from forms, file names) is shown with its control characters escaped (terminal-safe.ts): the
// only line breaks and escapes the terminal gets are the table's own.
import { terminalText } from '../text/terminal-safe.ts';
import { displayWidth, padEnd, padStart, wrapText } from './text-width.ts';
import type { Mark, ReportCell, ReportView } from './view.ts';

const SIGN: Record<Mark, string> = {
  added: '+',
  removed: '×',
  raised: '↑',
  lowered: '↓',
  changed: '≠',
  similar: '≈',
  empty: '!',
  absent: '',
  below: '↓',
};

export function cellText(c: ReportCell): string {
  if (c.value === null) return '';
  const v = typeof c.value === 'number' ? formatNumber(c.value) : c.value;
  const sign = c.mark ? SIGN[c.mark] : '';
  return sign ? `${v} ${sign}` : v;
}

/** Numbers as people write them: no float noise, no exponent for ordinary magnitudes. */
export function formatNumber(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}

export function renderView(view: ReportView): string {
  const head = view.columns.map((c) => terminalText(c.header));
  // Each cell as its lines: wrapped at its column's width, and at its own line breaks.
  const body = view.rows.map((r) =>
    r.map((c, i) => {
      // Wrapped before escaping, so that an escaped control character is never cut in two.
      const lines = cellText(c).split('\n');
      const wrap = view.columns[i]?.wrap;
      return (wrap ? lines.flatMap((l) => wrapText(l, wrap)) : lines).map(terminalText);
    }),
  );
  const widths = head.map((h, i) => Math.max(displayWidth(h), ...body.map((r) => Math.max(0, ...(r[i] ?? ['']).map(displayWidth)))));
  const line = (cells: string[]) =>
    cells
      .map((s, i) => (view.columns[i].type === 'number' ? padStart(s, widths[i]) : padEnd(s, widths[i])))
      .join('  ')
      .trimEnd();
  const rowLines = (cells: string[][]) => {
    const height = Math.max(1, ...cells.map((c) => c.length));
    return Array.from({ length: height }, (_, k) => line(cells.map((c) => c[k] ?? '')));
  };
  const out = [terminalText(view.title), '', line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...body.flatMap(rowLines)];
  if (view.rows.length === 0) out.push('(无)');
  if (view.notes.length) out.push('', ...view.notes.map((n) => `  ${terminalText(n)}`));
  return `${out.join('\n')}\n`;
}

export function renderViews(views: ReportView[]): string {
  return views.map(renderView).join('\n');
}

/** Bare aligned columns, no title or header: a listing. */
export function renderTable(rows: string[][]): string {
  const lines = rows.map((l) => l.map(terminalText));
  const widths = lines[0].map((_, i) => Math.max(...lines.map((l) => displayWidth(l[i]))));
  return lines.map((l) => `${l.map((s, i) => padEnd(s, widths[i])).join('  ').trimEnd()}\n`).join('');
}
