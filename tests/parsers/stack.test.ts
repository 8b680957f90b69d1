// A file nested deeper than a reader can recurse is refused as too complex, not reported as a crash
// or as damage: 10,000 content controls one inside the next is a valid, if absurd, Word document.
import { expect, it } from 'vitest';
import { parseBytes } from '../../parsers/index.ts';
import { stackOverflowAsError } from '../../parsers/errors.ts';
import { expectFilingError, QUICK_MS, replaceOnce, timed, wordTable } from './hostile.ts';

const RUN = '<w:r><w:t>x</w:t></w:r>';
const DEPTH = 10_000;

it.each([
  ['content controls', `${'<w:sdt><w:sdtContent>'.repeat(DEPTH)}<w:p>${RUN}</w:p>${'</w:sdtContent></w:sdt>'.repeat(DEPTH)}`],
  ['hyperlinks', `<w:p>${'<w:hyperlink w:anchor="a">'.repeat(DEPTH)}${RUN}${'</w:hyperlink>'.repeat(DEPTH)}</w:p>`],
])('10,000 nested %s in a Word document', async (_, nested) => {
  const doc = await wordTable([['项目名称', '老年助餐']], (xml) => replaceOnce(xml, '<w:body>', `<w:body>${nested}`));
  const { ms, error } = await timed(() => parseBytes(doc));
  expect(ms).toBeLessThan(QUICK_MS);
  expectFilingError(error, 'too_complex', /^nested too deeply to read \(the reader ran out of stack\)$/);
});

it('only a stack overflow is turned into too_complex; other errors pass through', () => {
  const overflow = (() => {
    const recurse = (n: number): number => recurse(n + 1) + 1;
    try {
      recurse(0);
    } catch (e) {
      return e;
    }
  })();
  expect((stackOverflowAsError(overflow) as { code: string }).code).toBe('too_complex');
  const other = new RangeError('Invalid array length');
  expect(stackOverflowAsError(other)).toBe(other);
});
