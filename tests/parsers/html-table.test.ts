// The grid builder bounds spans from the HTML itself: a Word file whose XML the guard could not
// read (another namespace prefix, say) still cannot make it mark or allocate billions of cells.
import * as cheerio from 'cheerio';
import { expect, it } from 'vitest';
import { htmlTableToGrid } from '../../parsers/html-table.ts';
import { CellBudget } from '../../parsers/limits.ts';
import { expectFilingError, QUICK_MS, timed } from './hostile.ts';

const grid = (html: string, budget = new CellBudget()) => {
  const $ = cheerio.load(html, { xml: { xmlMode: false, decodeEntities: true } });
  return htmlTableToGrid($('table').get(0)!, 'table 1', budget);
};

it('a colspan of 100,000,000 is bounded by the widest sheet Excel allows', async () => {
  const { ms, value, error } = await timed(() => grid('<table><tr><td colspan="100000000">标题</td></tr><tr><td>a</td></tr></table>'));
  expect(error).toBeUndefined();
  expect(ms).toBeLessThan(QUICK_MS);
  expect(value!.cells[0]).toHaveLength(16_384);
  expect(value!.merges).toEqual([{ r0: 0, c0: 0, r1: 0, c1: 16_383 }]);
});

it('spans covering more cells than the limit are refused before they are marked', async () => {
  const rows = '<tr><td>a</td></tr>'.repeat(99);
  const { ms, error } = await timed(() => grid(`<table><tr><td colspan="100000000" rowspan="100000000">标题</td></tr>${rows}</table>`));
  expect(ms).toBeLessThan(QUICK_MS);
  expectFilingError(error, 'too_large', /^table 1 too large \(1,638,400 cells; the limit is 200,000\)$/);
});

it("a file's tables share one budget", async () => {
  const budget = new CellBudget();
  budget.take(199_990, 'table 1');
  const { error } = await timed(() => grid(`<table>${'<tr><td>a</td><td>b</td></tr>'.repeat(10)}</table>`, budget));
  expectFilingError(error, 'too_large', /^tables too large together \(200,010 cells by table 1; the limit is 200,000\)$/);
});
