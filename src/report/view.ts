// A report as every writer sees it: named views (one table each, with notes), cells that carry a
// value and, where something deserves the eye, a mark. The terminal, CSV and xlsx writers render
// the same views, so what an auditor sees on screen is what lands in the file.
export type Mark = 'added' | 'removed' | 'raised' | 'lowered' | 'changed' | 'similar' | 'empty' | 'absent' | 'below';

export interface ReportCell {
  value: string | number | null;
  mark?: Mark;
}

export interface ReportColumn {
  header: string;
  /** Numbers right-aligned on screen and written as numbers; text otherwise. */
  type: 'text' | 'number';
}

export interface ReportView {
  /** Short, used as the sheet name and in CSV file names: at most 31 characters, none of []:*?/\ . */
  name: string;
  title: string;
  columns: ReportColumn[];
  rows: ReportCell[][];
  notes: string[];
}

export const text = (value: string | null | undefined, mark?: Mark): ReportCell => ({ value: value ?? null, ...(mark ? { mark } : {}) });
export const number = (value: number | null | undefined, mark?: Mark): ReportCell => ({ value: value ?? null, ...(mark ? { mark } : {}) });
export const col = (header: string, type: ReportColumn['type'] = 'text'): ReportColumn => ({ header, type });

/** What each mark means, for the legend printed with a report. */
export const MARK_MEANING: Record<Mark, string> = {
  added: 'indicator added this year',
  removed: 'indicator removed this year',
  raised: 'target number raised',
  lowered: 'target number lowered',
  changed: 'target changed (text, unit or comparator)',
  similar: 'matched to last year by a similar name, not the same name',
  empty: 'group listed on the form with no indicator',
  absent: 'group not on the form',
  below: 'below the median of the same unit',
};
