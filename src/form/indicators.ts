// The indicator block: from the header row (一级指标 | 二级指标 | 三级指标 | 指标值 …) down.
// Cells are read by what they say, not only where they stand: level labels carry down and set
// their level in whatever column they sit; rows whose labels drifted a column left are read shifted.
import type { Group, Indicator, Level1, Level2 } from '../schema.ts';
import { normalizeText } from '../text/normalize.ts';
import { parseTarget } from '../values/target.ts';
import type { Cell, FormView } from './view.ts';
import { COLUMN_HEADERS, FOOTER_LABEL, LEVEL1, level1Of, level2Of, level2Order, SECTION_LABELS, type ColumnRole } from './vocabulary.ts';

type Horizon = Indicator['horizon'];
type Span = { c: number; c1: number };

interface ColumnSet {
  horizon: Horizon;
  level2?: Span;
  name?: Span;
  target?: Span;
  op?: Span;
  unit?: Span;
  explanation?: Span;
  basis?: Span;
}

interface Columns {
  level1?: Span;
  sets: ColumnSet[];
  /** First column that holds values rather than levels or names. */
  valuesFrom: number;
}

export interface IndicatorBlock {
  indicators: Indicator[];
  emptyGroups: Group[];
  /** Row after the last row of the block; footer rows follow. */
  end: number;
  notes: string[];
}

interface Level {
  label: string;
  code: Level1;
}
interface Level2State {
  label: string;
  code: Level2;
}

const inSpan = (s: Span | undefined, c: number) => s !== undefined && c >= s.c && c <= s.c1;
/** A row without level labels (most rows): no map of them to build. */
const NO_LEVELS: ReadonlyMap<Cell, 1 | 2> = new Map();
/** A part titled 长期绩效指标 / 总目标绩效指标 / 中期… lists the long-term indicators. */
const LONG_TERM = /长期|中期|总目标|总体目标|实施期/u;

/** What names the indicator part that starts at header row r: a line above it, or a heading cell. */
function partTitleOf(view: FormView, r: number, partTitles: Map<number, string>): string {
  const texts = [partTitles.get(r) ?? ''];
  for (let up = r - 1; up >= 0 && up >= r - 2; up--) {
    const cells = view.filled(up);
    if (cells.length === 1 && /绩效指标/u.test(cells[0].text)) texts.push(cells[0].text);
    if (cells.length) break;
  }
  for (const c of view.row(r)) if (c.text && !COLUMN_HEADERS.has(c.key) && /绩效指标/u.test(c.text)) texts.push(c.text);
  return texts.join(' ');
}

export function readColumns(view: FormView, r: number, partTitle = ''): Columns {
  const blockHorizon: Horizon = LONG_TERM.test(partTitle) ? 'overall' : 'annual';
  const columns: Columns = { sets: [], valuesFrom: Infinity };
  const byHorizon = new Map<Horizon, ColumnSet>();
  const set = (h: Horizon) => {
    if (!byHorizon.has(h)) byHorizon.set(h, { horizon: h });
    return byHorizon.get(h)!;
  };
  for (const cell of view.row(r)) {
    const role: ColumnRole | undefined = COLUMN_HEADERS.get(cell.key);
    if (!role) {
      if (cell.text && SECTION_LABELS.has(cell.key)) view.use(cell);
      continue;
    }
    view.use(cell);
    const span = { c: cell.c, c1: cell.c1 };
    const horizon: Horizon = /[(（](长期|中期|中长期)[)）]|长期$/u.test(cell.text)
      ? 'overall'
      : /[(（]年度[)）]$/u.test(cell.text)
        ? 'annual'
        : blockHorizon;
    if (role === 'level1') columns.level1 ??= span;
    else set(horizon)[role] ??= span;
    if (role === 'target' || role === 'op' || role === 'unit' || role === 'explanation' || role === 'basis') {
      columns.valuesFrom = Math.min(columns.valuesFrom, cell.c);
    }
  }
  // Long-term columns stand before the annual ones, and so do their indicators in each row.
  columns.sets = [byHorizon.get('overall'), byHorizon.get('annual')].filter((s): s is ColumnSet => !!s);
  // A layout without a 三级指标 column (鄂州-style): the 二级指标 column holds the names.
  if (columns.sets.length === 1 && columns.sets[0].name === undefined) columns.sets[0].name = columns.sets[0].level2;
  return columns;
}

export function readIndicators(view: FormView, headerRow: number, end: number, partTitles = new Map<number, string>()): IndicatorBlock {
  const notes: string[] = [];
  let columns = readColumns(view, headerRow, partTitleOf(view, headerRow, partTitles));
  const indicators: Indicator[] = [];
  const groups: { group: Group; horizon: Horizon; count: number }[] = [];
  let level1: Level | null = null;
  const level2 = new Map<Horizon, Level2State | null>();
  let current = new Map<Horizon, (typeof groups)[number] | null>();

  const openGroup = (horizon: Horizon, l2: Level2State) => {
    const existing = groups.find(
      (g) => g.horizon === horizon && g.group.level2 === l2.label && g.group.level1 === (level1?.label ?? null),
    );
    const entry = existing ?? {
      group: { level1: level1?.label ?? null, level1Code: level1?.code ?? null, level2: l2.label, level2Code: l2.code },
      horizon,
      count: 0,
    };
    if (!existing) groups.push(entry);
    current.set(horizon, entry);
    level2.set(horizon, l2);
  };

  let r = headerRow + 1;
  for (; r < end; r++) {
    const cells = view.filled(r);
    if (cells.length === 0) continue;
    const first = cells[0];
    if (isRepeatedHeader(cells)) {
      columns = readColumns(view, r, partTitleOf(view, r, partTitles));
      level1 = null;
      level2.clear();
      current = new Map();
      continue;
    }
    const l1col = columns.level1?.c ?? columns.sets[0]?.level2?.c ?? 0;
    if (first && !SECTION_LABELS.has(first.key) && !isLevelLabel(first.key)) {
      // Review and signature lines close the block: 财政部门审核意见, 填表人:, …
      if (FOOTER_LABEL.test(first.key) || (first.c1 < l1col && cells.length <= 2 && isFooterLike(first))) break;
    }
    for (const c of cells) if (SECTION_LABELS.has(c.key) && c.c < (columns.level1?.c ?? 1)) view.use(c);

    // ---- level labels in this row ----
    const valuesFrom = columns.valuesFrom === Infinity ? view.width : columns.valuesFrom;
    const labels = cells.filter((c) => isLabelCell(c, columns, valuesFrom, view));
    let levels = NO_LEVELS;
    if (labels.length > 0) {
      const found = new Map<Cell, 1 | 2>();
      for (const c of labels) found.set(c, resolve(c, labels, view, r, l1col));
      levels = found;
    }
    const level1Given = labels.some((c) => levels.get(c) === 1) || (columns.level1 !== undefined && view.coveredFromAbove(r, columns.level1.c));
    const l2Labels: Cell[] = [];
    for (const cell of labels) {
      view.use(cell);
      if (levels.get(cell) === 1) {
        level1 = { label: cleanLabel(cell.text), code: level1Of(cell.key)! };
        level2.clear();
        current = new Map();
      } else l2Labels.push(cell);
    }
    // Two level-2 labels and no indicator: the earlier in the template's order is an empty group.
    if (l2Labels.length > 1) l2Labels.sort((a, b) => level2Order(a.key) - level2Order(b.key));
    for (const cell of l2Labels) {
      const known = level2Of(cell.key)!;
      if (!level1Given && known.under.length === 1 && level1?.code !== known.under[0] && !(level1 && known.under.includes(level1.code))) {
        const code = known.under[0];
        const label = [...LEVEL1].find(([, c]) => c === code)![0];
        notes.push(`row ${r + 1}: ${cleanLabel(cell.text)} belongs under ${label}; filled in the level 1`);
        level1 = { label, code };
        level2.clear();
        current = new Map();
      }
      openGroup(horizonOf(cell, columns), { label: cleanLabel(cell.text), code: known.code });
    }

    // ---- the indicators of this row, one per column set ----
    const data = cells.filter((c) => !view.isUsed(c));
    for (const set of columns.sets) {
      const drift = columns.sets.length === 1 ? driftOf(levels, columns, set) : 0;
      const shift = drift || (columns.sets.length === 1 ? shiftOf(data, set) : 0);
      if (shift) notes.push(`row ${r + 1}: cells sit ${shift} column(s) left of their header; read shifted`);
      // Unknown words where a level label belongs still make a group (code other) in an aligned row.
      if (!shift && set === columns.sets.at(-1)) {
        const l1Cell = columns.level1 && firstIn(data, columns.level1, set.name);
        if (l1Cell && data.some((c) => c.c > l1Cell.c1)) {
          view.use(l1Cell);
          level1 = { label: cleanLabel(l1Cell.text), code: 'other' };
          level2.clear();
          current = new Map();
          notes.push(`row ${r + 1}: level 1 "${l1Cell.text}" is not a known label; kept with code other`);
        }
      }
      if (!shift) {
        const l2Cell = set.level2 && set.level2 !== set.name && firstIn(data, set.level2, undefined, view);
        if (l2Cell && data.some((c) => c.c > l2Cell.c1)) {
          view.use(l2Cell);
          openGroup(set.horizon, { label: cleanLabel(l2Cell.text), code: 'other' });
          notes.push(`row ${r + 1}: level 2 "${l2Cell.text}" is not a known label; kept with code other`);
        }
      }
      const nameCell = cellAt(data, view, set.name, shift);
      if (!nameCell) continue;
      const targetCell = cellAt(data, view, set.target, shift);
      const opCell = cellAt(data, view, set.op, shift);
      const unitCell = cellAt(data, view, set.unit, shift);
      const explanationCell = cellAt(data, view, set.explanation, 0);
      const basisCell = cellAt(data, view, set.basis, 0);
      view.use(nameCell);
      view.use(targetCell);
      view.use(opCell);
      view.use(unitCell);
      view.use(explanationCell);
      view.use(basisCell);
      const rawTarget = (opCell?.text ?? '') + (targetCell?.text ?? '') + (unitCell?.text ?? '');
      const l2 = level2.get(set.horizon) ?? null;
      indicators.push({
        horizon: set.horizon,
        level1: level1?.label ?? null,
        level1Code: level1?.code ?? null,
        level2: l2?.label ?? null,
        level2Code: l2?.code ?? null,
        name: nameCell.text,
        target: parseTarget(normalizeText(rawTarget) || null),
        explanation: explanationCell?.text || null,
        basis: basisCell?.text || null,
      });
      const g = current.get(set.horizon);
      if (g) g.count++;
    }
  }
  // A long-term column set with no indicator makes no empty group.
  const emptyGroups = groups.filter((g) => g.count === 0 && g.horizon === 'annual').map((g) => g.group);
  return { indicators, emptyGroups, end: r, notes };
}

/** A second header row (一级指标 | 二级指标 | … again): a new part of the table starts. */
function isRepeatedHeader(cells: Cell[]): boolean {
  let level1 = false;
  let headers = 0;
  for (const c of cells) {
    const role = COLUMN_HEADERS.get(c.key);
    if (!role) continue;
    headers++;
    level1 ||= role === 'level1';
  }
  return level1 && headers >= 2;
}

/** A level label where labels may stand: before the value columns, or in a 二级指标 column. */
function isLabelCell(c: Cell, columns: Columns, valuesFrom: number, view: FormView): boolean {
  const labelColumn = c.c < valuesFrom || setWithLevel2At(columns, c.c) !== undefined;
  return labelColumn && !view.isUsed(c) && isLevelLabel(c.key) && !isNameNotLabel(c, columns);
}

/** The column set whose 二级指标 column holds column c. */
function setWithLevel2At(columns: Columns, c: number): ColumnSet | undefined {
  for (const s of columns.sets) if (inSpan(s.level2, c)) return s;
  return undefined;
}

function horizonOf(cell: Cell, columns: Columns): Horizon {
  return setWithLevel2At(columns, cell.c)?.horizon ?? columns.sets.at(-1)?.horizon ?? 'annual';
}

/** The row's unplaced cell under a header column, read `by` columns to the left. */
function cellAt(data: Cell[], view: FormView, span: Span | undefined, by: number): Cell | undefined {
  if (!span) return undefined;
  for (const c of data) if (!view.isUsed(c) && c.c <= span.c1 - by && c.c1 >= span.c - by) return c;
  return undefined;
}

/** The first cell starting in `span` and not in `not` (and, given a view, not yet placed). */
function firstIn(data: Cell[], span: Span, not?: Span, view?: FormView): Cell | undefined {
  for (const c of data) if (inSpan(span, c.c) && !inSpan(not, c.c) && !view?.isUsed(c)) return c;
  return undefined;
}

/**
 * In the 三级指标 column, 服务对象满意度 or 社会效益 is the indicator's name (real forms name
 * indicators so); only a full label ending in 指标 stands for a group there.
 */
function isNameNotLabel(cell: Cell, columns: Columns): boolean {
  if (cell.key.endsWith('指标')) return false;
  for (const s of columns.sets) if (s.name !== s.level2 && inSpan(s.name, cell.c)) return true;
  return false;
}

function isLevelLabel(key: string): boolean {
  return level1Of(key) !== undefined || level2Of(key) !== undefined;
}

function isFooterLike(cell: Cell): boolean {
  return /[:：]$/u.test(cell.text) || cell.text.length <= 12;
}

/** A level label as the form writes it, annotations such as (50分) or (必填) removed. */
function cleanLabel(text: string): string {
  return normalizeText(text.replace(/[(（][^()（）]*[)）]\s*分?/gu, '')).replace(/\s+/g, '');
}

/** 1 or 2: which level a label cell stands for. 成本指标 and 满意度指标 are both. */
function resolve(cell: Cell, rowLabels: Cell[], view: FormView, r: number, l1col: number): 1 | 2 {
  const l1 = level1Of(cell.key);
  const l2 = level2Of(cell.key);
  if (l1 && !l2) return 1;
  if (l2 && !l1) return 2;
  const later = rowLabels.filter((c) => c.c > cell.c);
  if (l1 === 'cost') {
    // A level 1 where its own level-2 labels (经济成本指标, …) follow it.
    const next = later[0]?.key ?? nextLabelBelow(view, r);
    return next !== undefined && level2Of(next)?.under.includes('cost') && level2Of(next)?.code !== 'cost' ? 1 : 2;
  }
  // 满意度指标: a level 1 where another label follows it in its row, or where it stands in the level-1 column.
  if (later.length > 0) return 1;
  return cell.c <= l1col ? 1 : 2;
}

function nextLabelBelow(view: FormView, r: number): string | undefined {
  for (let rr = r + 1; rr < view.height; rr++) {
    const label = view.row(rr).find((c) => c.text && isLevelLabel(c.key));
    if (label) return label.key;
  }
  return undefined;
}

/** How far the row's level labels sit left of their own header column. */
function driftOf(levels: ReadonlyMap<Cell, 1 | 2>, columns: Columns, set: ColumnSet): number {
  if (set.name === set.level2) return 0;
  let drift = 0;
  for (const [cell, level] of levels) {
    const home = level === 1 ? columns.level1 : set.level2;
    if (home && cell.c < home.c) drift = Math.max(drift, home.c - cell.c);
  }
  return drift;
}

/** A row without labels whose text starts left of the name column and leaves the target column empty. */
function shiftOf(data: Cell[], set: ColumnSet): number {
  if (!set.name || set.name === set.level2) return 0;
  const first = data[0];
  if (!first || first.c >= set.name.c) return 0;
  for (const c of data) if (inSpan(set.target, c.c)) return 0;
  const shift = set.name.c - first.c;
  return shift <= 2 ? shift : 0;
}
