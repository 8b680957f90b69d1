// How alike two indicator names are: the Dice coefficient of their character bigrams. Chinese names
// carry their meaning in two-character words, so a renamed indicator (群众满意度 → 群众满意程度) keeps
// most of its bigrams while a different one (道路完好率 / 道路养护面积) shares few.

/** Above this an unmatched indicator is taken for a renamed one. 群众满意度/群众满意程度 score 0.67;
 *  服务对象满意度/群众满意度, different people asked, score 0.4. */
export const SIMILARITY_THRESHOLD = 0.6;

function bigrams(s: string): string[] {
  const chars = [...s];
  if (chars.length < 2) return chars;
  return chars.slice(1).map((c, i) => chars[i] + c);
}

/** 0 (nothing shared) to 1 (the same bigrams, counted with multiplicity). */
export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.length + y.length === 0) return 1;
  const left = new Map<string, number>();
  for (const g of x) left.set(g, (left.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of y) {
    const n = left.get(g) ?? 0;
    if (n > 0) {
      shared++;
      left.set(g, n - 1);
    }
  }
  return (2 * shared) / (x.length + y.length);
}
