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

/**
 * A sentence is not a title, even one that names the form (根据……通知要求，现将……绩效目标申报表报送如下。):
 * a title has no clause punctuation and is short.
 */
const isProse = (t: string) => /[,;。!?]|[:：]$/u.test(t) || t.length > 40;

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
    if (!title && TITLE.test(t) && !isProse(t)) {
      const m = /(\d{4})\s*年/u.exec(t);
      if (m) year ??= Number(m[1]);
      title = normalizeText(t.replace(YEAR_PART, '').replace(/[(（]\s*[)）]/gu, '')).replace(/^[)）]|[(（]$/gu, '') || null;
      return true;
    }
    return false;
  };
  // The table's own rows name the form first; above it, the line nearest the table.
  for (let r = 0; r < Math.min(firstFieldRow, view.height); r++) {
    for (const cell of view.row(r)) if (cell.text && take(cell.text)) view.use(cell);
  }
  for (const line of [...before].reverse()) take(line);
  return { title, year };
}
