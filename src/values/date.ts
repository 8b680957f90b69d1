// Dates to ISO YYYY-MM-DD; ranges to a start and an end (a month alone: first day / last day).

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

interface Parts {
  y: number;
  m: number | null;
  d: number | null;
}

const PATTERNS: RegExp[] = [
  /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?$/u,
  /^(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})[日号]?)?)?$/u,
  /^(\d{4})(\d{2})(\d{2})?$/u,
];

function parts(text: string, defaultYear?: number): Parts | null {
  const s = text.replace(/\s+/g, '');
  for (const re of PATTERNS) {
    const m = re.exec(s);
    if (m) return valid({ y: +m[1], m: m[2] ? +m[2] : null, d: m[3] ? +m[3] : null });
  }
  // 2025年1月-12月: the end names only a month of the start's year.
  const monthOnly = /^(\d{1,2})月(?:(\d{1,2})[日号]?)?$/u.exec(s);
  if (monthOnly && defaultYear) return valid({ y: defaultYear, m: +monthOnly[1], d: monthOnly[2] ? +monthOnly[2] : null });
  return null;
}

function valid(p: Parts): Parts | null {
  if (p.y < 1900 || p.y > 2200) return null;
  if (p.m != null && (p.m < 1 || p.m > 12)) return null;
  if (p.d != null && (p.m == null || p.d < 1 || p.d > lastDay(p.y, p.m))) return null;
  return p;
}

function iso(p: Parts, end: boolean): string {
  const m = p.m ?? (end ? 12 : 1);
  const d = p.d ?? (end ? lastDay(p.y, m) : 1);
  return `${p.y}-${pad(m)}-${pad(d)}`;
}

/** Excel's day count (1900 system) to ISO. */
export function serialToIso(serial: number): string {
  const ms = Math.round((serial - 25569) * 86400000);
  const dt = new Date(ms);
  return `${dt.getUTCFullYear()}-${pad(dt.getUTCMonth() + 1)}-${pad(dt.getUTCDate())}`;
}

/** One date; a lone serial number (a spreadsheet date exported as a number) too. */
export function parseDate(text: string | null, end = false): string | null {
  if (text == null) return null;
  const s = text.trim();
  if (/^\d{5}(?:\.\d+)?$/u.test(s)) {
    const n = Number(s);
    if (n > 20000 && n < 80000) return serialToIso(n);
  }
  const p = parts(s);
  return p ? iso(p, end) : null;
}

/** A period such as 202001-202012, 2023.07-2024.01, 2023年4月-2024年2月, 2019年1月1日至2019年12月31日. */
export function parseDateRange(text: string | null): { start: string; end: string } | null {
  if (text == null) return null;
  const s = text.replace(/\s+/g, '');
  // Try every separator position: '-' may also sit inside a date (2021-01-01-2021-12-31).
  for (let i = 1; i < s.length - 1; i++) {
    const sep = /^(至|到|~|～|—|－|-)/u.exec(s.slice(i));
    if (!sep) continue;
    const a = parts(s.slice(0, i));
    if (!a) continue;
    const b = parts(s.slice(i + sep[0].length), a.y);
    if (b) return { start: iso(a, false), end: iso(b, true) };
  }
  return null;
}
