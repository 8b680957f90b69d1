// The terminal table lines up Chinese text: a CJK character takes two columns.
import { expect, it } from 'vitest';
import { renderView } from '../../src/report/terminal.ts';
import { displayWidth } from '../../src/report/text-width.ts';
import { col, number, text } from '../../src/report/view.ts';

it('counts CJK characters and full-width forms double', () => {
  expect(displayWidth('成本指标')).toBe(8);
  expect(displayWidth('≥90%')).toBe(4);
  expect(displayWidth('（万元）')).toBe(8);
});

it('aligns columns by display width, numbers to the right, marks spelled after the value', () => {
  const out = renderView({
    name: 't',
    file: 't',
    title: 'title',
    columns: [col('name'), col('n', 'number'), col('target')],
    rows: [
      [text('成本指标'), number(1), text('≤280万元', 'lowered')],
      [text('cost'), number(12.5), text(null)],
    ],
    notes: ['a note'],
  });
  expect(out).toBe(['title', '', 'name         n  target', '────────  ────  ──────────', '成本指标     1  ≤280万元 ↓', 'cost      12.5', '', '  a note', ''].join('\n'));
});

it('wraps a long cell onto more lines at its column width, the other cells on the first line', () => {
  const out = renderView({
    name: 't',
    file: 't',
    title: 'title',
    columns: [col('指标'), col('说明', 'text', 8)],
    rows: [[text('满意度'), text('考察居民对项目实施的满意度')]],
    notes: [],
  });
  expect(out).toBe(['title', '', '指标    说明', '──────  ────────', '满意度  考察居民', '        对项目实', '        施的满意', '        度', ''].join('\n'));
});
