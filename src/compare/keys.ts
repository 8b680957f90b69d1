// The keys that decide what is "the same" across years: a project by its name without its year,
// a department by its name (or its code), an indicator by its name.
import { normalizeText } from '../text/normalize.ts';

const YEAR = /[(（[【]?\s*(?:19|20)\d{2}\s*(?:年度|年)?\s*[)）\]】]?/gu;
const EDGE_PUNCTUATION = /^[\s\-_—·:,、.]+|[\s\-_—·:,、.]+$/gu;

/** `2022年城区道路养护`, `城区道路养护(2022年度)` and `城区道路养护` are one project. */
export function projectKey(name: string): string {
  const s = normalizeText(name).replace(/\s+/g, '');
  const stripped = s.replace(YEAR, '').replace(EDGE_PUNCTUATION, '');
  // A name that is only a year (unlikely, but then the year is all there is to go by).
  return stripped || s;
}

/** The reader already splits `[015001]某局` into code and name; a code typed into the name goes too. */
export function departmentKey(name: string): string {
  return normalizeText(name).replace(/\s+/g, '').replace(/^[[(（【]?\d+[\])）】]?/u, '');
}

/** Indicator names compare without spaces and without a trailing colon or full stop. */
export function indicatorKey(name: string): string {
  return normalizeText(name).replace(/\s+/g, '').replace(/[:：。.]+$/u, '');
}
