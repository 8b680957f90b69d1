// Views as plain text tables for a terminal: a title, aligned columns (CJK counted double), the
// marks spelled out after the value so that nothing depends on colour, then the notes. Every text
// (from forms, file names) is shown with its control characters escaped (terminal-safe.ts): the
// only line breaks and escapes the terminal gets are the table's own.
import { terminalText } from '../text/terminal-safe.ts';
import { displayWidth, padEnd, padStart } from './text-width.ts';
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
  const body = view.rows.map((r) => r.map((c) => terminalText(cellText(c))));
  const widths = head.map((h, i) => Math.max(displayWidth(h), ...body.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((s, i) => (view.columns[i].type === 'number' ? padStart(s, widths[i]) : padEnd(s, widths[i])))
      .join('  ')
      .trimEnd();
  const out = [terminalText(view.title), '', line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...body.map(line)];
  if (view.rows.length === 0) out.push('(none)');
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
