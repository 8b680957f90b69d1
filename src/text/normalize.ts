// Text normalisation from the spec: every comparison and every stored string goes through here.
import { memoized } from './memo.ts';

const CJK = '\\u2e80-\\u2fff\\u3000-\\u303f\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef';
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}])\\s+(?=[${CJK}])`, 'gu');

// Normalising the same label or unit again costs a lookup (see memo.ts).
const MEMO_MAX_LENGTH = 48;
const MEMO_LIMIT = 20_000;

/** NFKC, trimmed, white-space runs to one space, no space between two CJK characters, wrapping quotes dropped. */
export function normalizeText(raw: string): string {
  return raw === '' || isPlain(raw) ? raw : normalizeMemo(raw);
}

// Punctuation common in forms that NFKC leaves as it is (。 、 ≥ ≤ “ ” 《 》 【 】 —); the fullwidth
// forms (，：（）) are not among them: NFKC changes those.
const PLAIN_PUNCTUATION = new Set('。、≥≤“”‘’《》〈〉「」『』【】〔〕—·×'.split('').map((c) => c.charCodeAt(0)));

/**
 * A text normalisation leaves as it is: printable ASCII, CJK ideographs and the punctuation above,
 * no white space, no opening quote. Most cells of a form are such texts, and telling so costs less
 * than a memo lookup (tests/text/normalize.test.ts checks every character it lets through).
 */
export const isPlain = (s: string): boolean => plain(s, false);

/** A plain text without a bracket or colon, which labelKey leaves as it is too. */
const isPlainLabel = (s: string): boolean => plain(s, true);

function plain(s: string, label: boolean): boolean {
  if (s.charCodeAt(0) === 0x22) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x4e00) {
      if (c > 0x9fff) return false;
    } else if (c > 0x7e) {
      if (!PLAIN_PUNCTUATION.has(c) || (label && c === 0x3010)) return false; // 【
    } else if (c < 0x21 || (label && (c === 0x28 || c === 0x5b || c === 0x3a))) return false; // ( [ :
  }
  return true;
}

// Without the u flag: \s means the same white space, and the test runs several times faster.
const SPACE = /\s/;
const SPACES = /\s+/g;

const normalizeMemo = memoized(normalize, MEMO_MAX_LENGTH, MEMO_LIMIT);

function normalize(raw: string): string {
  let s = raw.normalize('NFKC');
  if (SPACE.test(s)) {
    s = s.replace(SPACES, ' ').trim();
    if (s.includes(' ')) s = s.replace(SPACE_BETWEEN_CJK, '');
  }
  if (s.length >= 2 && s.startsWith('"') && s.endsWith('"') && s.indexOf('"', 1) === s.length - 1) {
    s = s.slice(1, -1).trim();
  }
  return s;
}

/** normalizeText, with blank as null (records never hold ""). */
export function textOrNull(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  const s = normalizeText(raw);
  return s === '' ? null : s;
}

/** A label's comparable key: normalised, without spaces, trailing colon, or bracketed annotations. */
export function labelKey(text: string): string {
  return isPlainLabel(text) ? text : labelKeyMemo(text);
}

const labelKeyMemo = memoized(makeLabelKey, MEMO_MAX_LENGTH, MEMO_LIMIT);

function makeLabelKey(text: string): string {
  return stripAnnotations(normalizeText(text))
    .replace(/\s+/g, '')
    .replace(/[:：]+$/u, '');
}

/** Removes bracketed annotations such as (50分), (0-20)分, (必填硬性指标), (万元). */
export function stripAnnotations(s: string): string {
  return s
    .replace(/\([^()]*\)\s*分?/gu, '')
    .replace(/\[[^\][]*\]/gu, '')
    .replace(/【[^】]*】/gu, '')
    .trim();
}
