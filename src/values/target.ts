// Indicator targets: keep the text, and where the whole text is one comparison, its number.
import type { Target } from '../schema.ts';
import { memoized } from '../text/memo.ts';

const OPS: [RegExp, Op][] = [
  [/^(?:>=|≥|≧|⩾|不低于|不少于|至少)/u, '>='],
  [/^(?:<=|≤|≦|⩽|不高于|不超过|不多于)/u, '<='],
  [/^>/u, '>'],
  [/^</u, '<'],
  [/^(?:==|=)/u, '='],
];
type Op = '=' | '>=' | '<=' | '>' | '<';

const NUMBER = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
// A unit: at most 6 characters, no digit, no punctuation but / and %; a unit in brackets loses them.
const UNIT_CHARS = String.raw`[^\d\s\p{P}\p{S}]|[/%]`;
const UNIT = String.raw`(?:\((?:${UNIT_CHARS}){1,6}\)|(?:${UNIT_CHARS}){1,6})`;
const NUMERIC = new RegExp(`^(${NUMBER})\\s*(${UNIT})?$`, 'u');
const RANGE = new RegExp(`^(${NUMBER})\\s*(${UNIT})?\\s*(?:-|~|～|—|－|至|到)\\s*(${NUMBER})\\s*(${UNIT})?$`, 'u');
// Dates and years read as numbers would be nonsense (2025年年底前, 2023.07-2024.01): they stay text.
const DATE_LIKE = /^(?:19|20)\d{2}(?:年|[./-](?:0?[1-9]|1[0-2])(?=$|[-~至到./]))/u;

const toNumber = (s: string) => Number(s.includes(',') ? s.replaceAll(',', '') : s);
const unitOf = (s: string | undefined) => (s ? (s.startsWith('(') && s.endsWith(')') ? s.slice(1, -1) : s) : null);

// Forms repeat the same targets (100%, ≥90%, 24小时/天) over and over: short ones are read once
// (see memo.ts), and each caller gets its own copy.
const readShortTarget = memoized(readTarget, 24, 5_000);

/** Parses one target text (already normalised); null for a blank target. */
export function parseTarget(raw: string | null): Target | null {
  if (raw == null || raw === '') return null;
  return { ...readShortTarget(raw) };
}

function readTarget(raw: string): Target {
  if (!DATE_LIKE.test(raw)) {
    let rest = raw;
    let op: Op = '=';
    for (const [re, o] of OPS) {
      const m = re.exec(rest);
      if (m) {
        op = o;
        rest = rest.slice(m[0].length).trim();
        break;
      }
    }
    const num = NUMERIC.exec(rest);
    if (num) return { raw, kind: 'numeric', op, value: toNumber(num[1]), unit: unitOf(num[2]) };
    const range = rest === raw ? RANGE.exec(rest) : null;
    if (range && (!range[2] || !range[4] || unitOf(range[2]) === unitOf(range[4]))) {
      const min = toNumber(range[1]);
      const max = toNumber(range[3]);
      if (min <= max) return { raw, kind: 'range', min, max, unit: unitOf(range[4] ?? range[2]) };
    }
  }
  return { raw, kind: 'qualitative' };
}
