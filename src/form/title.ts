// The form's title (without its year part) and its fiscal year, from the cells at the top of the
// table or the lines printed just above it.
import { normalizeText } from '../text/normalize.ts';
import type { FormView } from './view.ts';

const TITLE = /绩效目标.{0,8}表|绩效.{0,6}(申报|填报|审批)表|目标(申报|填报)?表/u;
const YEAR_ONLY = /^[(（]?\s*(\d{4})\s*年度?\s*[)）]?$/u;
const YEAR_PART = /[(（]\s*\d{4}\s*年度?\s*[)）]|\d{4}\s*年度?\s*[)）]?/gu;

export interface TitleInfo {
  title: string | null;
  year: number | null;
}

export function readTitle(view: FormView, before: string[], firstFieldRow: number): TitleInfo {
  let title: string | null = null;
  let year: number | null = null;
  const take = (text: string) => {
    const t = normalizeText(text);
    const y = YEAR_ONLY.exec(t);
    if (y) {
      year ??= Number(y[1]);
      return true;
    }
    if (!title && TITLE.test(t) && t.length <= 60) {
      const m = /(\d{4})\s*年/u.exec(t);
      if (m) year ??= Number(m[1]);
      title = normalizeText(t.replace(YEAR_PART, '').replace(/[(（]\s*[)）]/gu, '')).replace(/^[)）]|[(（]$/gu, '') || null;
      return true;
    }
    return false;
  };
  // The line just above the table is the likeliest title.
  for (const line of [...before].reverse()) take(line);
  for (let r = 0; r < Math.min(firstFieldRow, view.height); r++) {
    for (const cell of view.row(r)) if (cell.text && take(cell.text)) view.use(cell);
  }
  return { title, year };
}
