// Finds the forms among a file's grids: a form is a table with a project header or an indicator
// header. A form split over two tables (header table, indicator table) is joined back; a table that
// holds several forms one under another is cut apart. Other kinds of forms are told apart here too.
import type { Grid } from '../../parsers/grid.ts';
import { normalizeText } from '../text/normalize.ts';
import { onceFor, textGrid, type TextGrid } from './texts.ts';
import { COLUMN_HEADERS, PROJECT_LABELS } from './vocabulary.ts';

export type FormKind = 'target' | 'self_evaluation' | 'department';

export interface FormRegion {
  grid: TextGrid;
  kind: FormKind;
  /** The wording that told a non-target form apart, for the user's message. */
  evidence: string;
  /** Lines printed above a joined table (长期绩效指标 / 年度绩效指标), by the grid row it starts at. */
  partTitles: Map<number, string>;
}

const isNameLabel = (key: string) => PROJECT_LABELS.get(key) === 'name';

/** Rows holding a 项目名称 label. */
function nameRows(grid: TextGrid): number[] {
  return onceFor(grid, 'nameRows', ({ key }) => rowsWhere(key, (row) => row.some(isNameLabel)));
}

/** Rows where an indicator header stands: a 一级指标 or 二级指标 cell and at least one more column header. */
export function indicatorHeaderRows(grid: TextGrid): number[] {
  return onceFor(grid, 'headerRows', ({ key }) =>
    rowsWhere(key, (row) => {
      let headers = 0;
      let level = false;
      for (const k of row) {
        const role = k ? COLUMN_HEADERS.get(k) : undefined;
        if (!role) continue;
        headers++;
        level ||= role === 'level1' || role === 'level2';
      }
      return level && headers >= 2;
    }),
  );
}

const rowsWhere = (rows: readonly (readonly string[])[], test: (row: readonly string[]) => boolean): number[] => {
  const out: number[] = [];
  rows.forEach((row, r) => {
    if (test(row)) out.push(r);
  });
  return out;
};

export function locateForms(grids: Grid[]): FormRegion[] {
  const regions: FormRegion[] = [];
  let open: FormRegion | null = null;
  for (const grid of grids.map(textGrid).flatMap(splitStacked)) {
    const hasName = nameRows(grid).length > 0;
    const hasIndicators = indicatorHeaderRows(grid).length > 0;
    if (!hasName && !hasIndicators) {
      open = null;
      continue;
    }
    if (!hasName && open) {
      // An indicator table of the form just above (its header table, or its long-term table).
      const partTitles = new Map(open.partTitles);
      if (grid.before.length) partTitles.set(open.grid.cells.length, grid.before.join(' '));
      const joined: FormRegion = { ...classify(textGrid(stack(open.grid, grid))), partTitles };
      regions[regions.length - 1] = joined;
      open = joined;
      continue;
    }
    open = classify(grid);
    regions.push(open);
  }
  return regions;
}

function classify(grid: TextGrid): FormRegion {
  const { text, key } = grid;
  const top = [...grid.before.map(normalizeText), ...nonBlank(text.slice(0, 4))];
  const selfTitle = top.find((t) => /自评表|自评价表/u.test(t));
  // 得分 first: a target form has none, and then no key needs the pattern.
  const selfColumns = someShortKey(key, (k) => k === '得分') && someShortKey(key, (k) => /^(实际完成值|完成值|全年实际值|实际完成情况)/u.test(k));
  if (selfTitle || selfColumns) {
    return { grid, kind: 'self_evaluation', evidence: selfTitle ?? '项目支出绩效自评表', partTitles: new Map() };
  }
  const deptTitle = top.find((t) => /整体.*绩效目标|部门整体支出/u.test(t));
  const hasProject = someShortKey(key, isNameLabel);
  if (deptTitle || (!hasProject && someShortKey(key, (k) => /^部门(\(单位\))?名称$/u.test(k)))) {
    return { grid, kind: 'department', evidence: deptTitle ?? '部门整体支出绩效目标表', partTitles: new Map() };
  }
  return { grid, kind: 'target', evidence: '', partTitles: new Map() };
}

/** Whether a label-length key (at most 12 characters) of the grid passes `test`. */
function someShortKey(keys: readonly (readonly string[])[], test: (key: string) => boolean): boolean {
  for (const row of keys) for (const k of row) if (k && k.length <= 12 && test(k)) return true;
  return false;
}

/** The non-blank texts of some rows, in order. (Array.prototype.flat is many times slower.) */
function nonBlank(rows: readonly (readonly string[])[]): string[] {
  const out: string[] = [];
  for (const row of rows) for (const t of row) if (t) out.push(t);
  return out;
}

/** One grid holding several forms one under another: cut before each later form's header. */
function splitStacked(grid: TextGrid): TextGrid[] {
  const names = nameRows(grid);
  const headers = indicatorHeaderRows(grid);
  const cuts: number[] = [];
  for (const n of names.slice(1)) {
    // Only a name row that comes after an indicator header starts a new form.
    const prevHeader = headers.filter((h) => h < n).at(-1);
    if (prevHeader === undefined || cuts.some((c) => c > prevHeader)) continue;
    let cut = n;
    while (cut - 1 > prevHeader && isPreamble(grid.cells[cut - 1])) cut--;
    cuts.push(cut);
  }
  if (cuts.length === 0) return [grid];
  const bounds = [0, ...cuts, grid.cells.length];
  return bounds.slice(0, -1).map((start, i) => textGrid(slice(grid, start, bounds[i + 1], i)));
}

/** Title lines and 项目责任人:-style lines that open a form. */
function isPreamble(row: string[]): boolean {
  const texts = row.map(normalizeText).filter(Boolean);
  if (texts.length === 0) return false;
  return texts.every((t) => /绩效目标|年度\)?$|[:：]$|盖章|单位[:：]/u.test(t));
}

function slice(grid: Grid, start: number, end: number, index: number): Grid {
  const merges = grid.merges
    .filter((m) => m.r0 >= start && m.r0 < end)
    .map((m) => ({ ...m, r0: m.r0 - start, r1: Math.min(m.r1, end - 1) - start }));
  return {
    ...grid,
    locator: index === 0 ? grid.locator : `${grid.locator} form ${index + 1}`,
    cells: grid.cells.slice(start, end),
    merges,
    before: index === 0 ? grid.before : [],
  };
}

function stack(a: Grid, b: Grid): Grid {
  const width = Math.max(a.cells[0]?.length ?? 0, b.cells[0]?.length ?? 0);
  const pad = (rows: string[][]) => rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
  const offset = a.cells.length;
  return {
    locator: `tables ${a.index}-${b.index}`,
    index: a.index,
    mergesKnown: a.mergesKnown && b.mergesKnown,
    cells: [...pad(a.cells), ...pad(b.cells)],
    merges: [...a.merges, ...b.merges.map((m) => ({ ...m, r0: m.r0 + offset, r1: m.r1 + offset }))],
    before: a.before,
  };
}
