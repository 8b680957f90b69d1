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
  /** On screen, longer text wraps onto more lines at this many columns (CJK counting two). */
  wrap?: number;
}

export interface ReportView {
  /** Short, in Chinese, used as the sheet name: at most 31 characters, none of []:*?/\ . */
  name: string;
  /** The same in English, for CSV file names that scripts can spell (report.empty-groups.csv). */
  file: string;
  title: string;
  columns: ReportColumn[];
  rows: ReportCell[][];
  notes: string[];
}

export const text = (value: string | null | undefined, mark?: Mark): ReportCell => ({ value: value ?? null, ...(mark ? { mark } : {}) });
export const number = (value: number | null | undefined, mark?: Mark): ReportCell => ({ value: value ?? null, ...(mark ? { mark } : {}) });
export const col = (header: string, type: ReportColumn['type'] = 'text', wrap?: number): ReportColumn => ({ header, type, ...(wrap ? { wrap } : {}) });

/** What each mark means, for the legend printed with a report. */
export const MARK_MEANING: Record<Mark, string> = {
  added: '本年新增的指标',
  removed: '本年删除的指标',
  raised: '指标值数字调高',
  lowered: '指标值数字调低',
  changed: '指标值有改动（文字、单位或比较符）',
  similar: '按相近名称与上年对应，名称不完全相同',
  empty: '表上列出但未填指标的指标组',
  absent: '表上没有此指标组',
  below: '低于同单位指标值的中位数',
};
