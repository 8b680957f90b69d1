import { expect, it } from 'vitest';
import { parseMarkdown } from '../../parsers/markdown.ts';

it('tables come in order with the lines above them', () => {
  const md = '# 项目一\n\n说明\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n项目二\n\n| c |\n|---|\n| 3 |\n';
  const { grids } = parseMarkdown(md);
  expect(grids.map((g) => g.before)).toEqual([['项目一', '说明'], ['项目二']]);
  expect(grids[0].cells).toEqual([['a', 'b'], ['1', '2']]);
  expect(grids[1].locator).toBe('table 2');
});

it('cells beyond the header count are kept, and short rows padded', () => {
  const md = '| a | b |\n|---|---|\n| 1 | 2 | 3 | 4 |\n| 5 |\n';
  const { grids } = parseMarkdown(md);
  expect(grids[0].cells).toEqual([['a', 'b', '', ''], ['1', '2', '3', '4'], ['5', '', '', '']]);
});

it('<br> inside a cell is a line break', () => {
  const { grids } = parseMarkdown('| 年度<br>目标 | x |\n|---|---|\n');
  expect(grids[0].cells[0][0]).toBe('年度\n目标');
});

it('text that only looks like a tag stays; inline HTML tags go', () => {
  const { grids } = parseMarkdown('| 项目名称 | \\<img src=x onerror=alert(1)\\> |\n|---|---|\n| 目标 | <b>≥95%</b> |\n| 比例 | <5% |\n');
  expect(grids[0].cells.map((r) => r[1])).toEqual(['<img src=x onerror=alert(1)>', '≥95%', '<5%']);
});
