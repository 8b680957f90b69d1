// The header part of a form: project fields, the funding block, goal texts, and every other
// labelled field (extras). Labels are found by their text; a value is the cell right of its label.
import type { FilingRecord } from '../schema.ts';
import { normalizeText } from '../text/normalize.ts';
import { parseDate, parseDateRange } from '../values/date.ts';
import { isPlaceholder } from '../values/placeholder.ts';
import type { AmountUnit } from '../values/amount.ts';
import type { Cell, FormView } from './view.ts';
import {
  COLUMN_HEADERS, DATE_LABELS, FUNDING_LABELS, FUNDING_SHARED, GOAL_LABELS, PERIOD_LABEL, PROJECT_LABELS,
  SECTION_LABELS, level1Of, level2Of, type GoalField, type ProjectField,
} from './vocabulary.ts';

export interface FundingEntry {
  label: string;
  key: string;
  r: number;
  c: number;
  value: string | null;
  /** Found inside another field's text (funding written as prose). */
  fromProse?: boolean;
}

export interface HeaderFields {
  project: FilingRecord['project'];
  goals: FilingRecord['goals'];
  funding: FundingEntry[];
  unit: AmountUnit;
}

const PERIOD = /(\d{4})\s*年?\s*[-~～—至到]\s*(\d{4})\s*年?/u;
const UNIT_NOTE = /^(?:金额)?单位[:：]\s*(万元|元|千元|亿元)$/u;
// The form's unit where it is not 万元: 单位:元, 金额单位:千元, 项目资金(元).
const UNIT_HINT = /单位[:：]\s*(元|千元|亿元)|[(（](元|千元|亿元)[)）]/u;

export function isKnownLabel(key: string): boolean {
  return (
    PROJECT_LABELS.has(key) || DATE_LABELS.has(key) || PERIOD_LABEL.test(key) || FUNDING_LABELS.has(key) || FUNDING_SHARED.has(key) ||
    GOAL_LABELS.has(key) || SECTION_LABELS.has(key) || COLUMN_HEADERS.has(key) || level1Of(key) !== undefined || level2Of(key) !== undefined
  );
}

const looksLikeLabel = (cell: Cell | undefined) => !!cell?.text && (isKnownLabel(cell.key) || /[:：]$/u.test(cell.text));

export function emptyProject(): FilingRecord['project'] {
  return {
    name: null, category: null, nature: null, attribute: null, department: null, departmentCode: null,
    implementingUnit: null, plannedStart: null, plannedEnd: null,
    // Keyed by the form's own labels: without a prototype, `__proto__` or `constructor` is a label like any other.
    extras: Object.create(null),
  };
}

/** The unit a 单位:元-style hint in one text names. */
function unitIn(text: string): AmountUnit | undefined {
  const m = UNIT_HINT.exec(text);
  return m ? ((m[1] ?? m[2]) as AmountUnit) : undefined;
}

/** The first unit hint in the lines above the table, else in the header rows' cells. */
function unitHint(before: string[], view: FormView, rows: number[]): AmountUnit | undefined {
  for (const t of before) {
    const unit = unitIn(t);
    if (unit) return unit;
  }
  for (const r of rows) {
    for (const cell of view.filled(r)) {
      const unit = unitIn(cell.text);
      if (unit) return unit;
    }
  }
  return undefined;
}

export function readHeader(view: FormView, rows: number[], before: string[], project = emptyProject()): HeaderFields {
  const out: HeaderFields = {
    project,
    goals: { overallPeriod: null, overall: null, annual: null },
    funding: [],
    unit: '万元',
  };
  out.unit = unitHint(before, view, rows) ?? out.unit;

  // Label lines printed above the table (填报单位:(盖章) … 单位:万元) belong to the header too.
  for (const line of headerLines(before)) {
    for (const [label, v] of labelledPairs(line) ?? []) {
      if (!UNIT_NOTE.test(`${label}:${v ?? ''}`)) out.funding.push({ label, key: extraKey(label), r: -1, c: -1, value: v });
    }
  }
  let inSubTable = false;
  for (const r of rows) {
    // A small table inside the header (项目预算成本构成 | 金额 | 测算依据 …) is no label/value list:
    // its rows stay for `unmapped` until the next labelled row.
    if (!inSubTable && isSubTableHead(view, r)) inSubTable = true;
    else if (inSubTable && view.row(r).find((c) => c.text && (isKnownLabel(c.key) || /[:：]$/u.test(c.text)))) inSubTable = false;
    if (inSubTable) continue;
    for (const cell of view.row(r)) {
      if (!cell.text || view.isUsed(cell)) continue;
      readCell(view, cell, out);
    }
  }
  return out;
}

/** The value right of a label cell, placed; undefined where the next cell is blank or a label. */
function valueBeside(view: FormView, cell: Cell): Cell | undefined {
  let right = view.right(cell);
  let skipped = false;
  // A lossy conversion (merges not kept) writes a label's merged span as blank cells: step over them,
  // but not onto the next label of the row (年度预算执行率 | | 分值 | 10).
  while (right && !right.text && !view.grid.mergesKnown) {
    right = view.right(right);
    skipped = true;
  }
  if (!right?.text || looksLikeLabel(right)) return undefined;
  if (skipped && isShortLabel(right.text) && isValueLike(view.right(right))) return undefined;
  view.use(right);
  return right;
}

/** A 2021-2023-style period in a goal label or heading becomes the overall goals' period. */
function periodIn(text: string, out: HeaderFields): void {
  const m = PERIOD.exec(text);
  if (m && !out.goals.overallPeriod) out.goals.overallPeriod = `${m[1]}-${m[2]}`;
}

function readCell(view: FormView, cell: Cell, out: HeaderFields): void {
  const { key } = cell;
  if (UNIT_NOTE.test(cell.text.replace(/\s+/g, ''))) {
    view.use(cell);
    return;
  }
  const field = PROJECT_LABELS.get(key);
  if (field) {
    view.use(cell);
    const v = valueBeside(view, cell);
    setProject(out.project, field, v?.text ?? null);
    return;
  }
  const dateField = DATE_LABELS.get(key);
  if (dateField) {
    view.use(cell);
    const v = valueBeside(view, cell);
    const iso = parseDate(v?.text ?? null, dateField === 'plannedEnd');
    if (iso && dateField === 'plannedEnd') out.project.plannedEnd = iso;
    else if (iso) out.project.plannedStart = iso;
    else if (v) out.project.extras[extraKey(cell.text)] = v.text;
    return;
  }
  if (PERIOD_LABEL.test(key)) {
    view.use(cell);
    const v = valueBeside(view, cell);
    let range = parseDateRange(v?.text ?? null);
    // 项目起止时间(如20190101) | 20190101 | 到 | 20191231: the period over three cells.
    const joiner = v && view.right(v);
    const end = joiner && /^(到|至|-|~|—)$/u.test(joiner.text) ? view.right(joiner) : undefined;
    if (!range && v && end?.text && parseDate(v.text) && parseDate(end.text, true)) {
      range = { start: parseDate(v.text)!, end: parseDate(end.text, true)! };
      view.use(joiner);
      view.use(end);
    }
    if (range) {
      out.project.plannedStart ??= range.start;
      out.project.plannedEnd ??= range.end;
    } else out.project.extras[extraKey(cell.text)] = v?.text ?? null;
    return;
  }
  if (FUNDING_LABELS.has(key) || FUNDING_SHARED.has(key)) {
    view.use(cell);
    out.funding.push({ label: cell.text, key, r: cell.r, c: cell.c, value: valueBeside(view, cell)?.text ?? null });
    return;
  }
  const goal = GOAL_LABELS.get(key);
  if (goal) {
    view.use(cell);
    periodIn(cell.text, out);
    readGoal(view, cell, goal, out);
    return;
  }
  if (SECTION_LABELS.has(key) || COLUMN_HEADERS.has(key)) {
    view.use(cell);
    if (/绩效目标/u.test(key)) periodIn(cell.text, out);
    // 绩效目标 | <text> (鄂州-style): the heading holds the form's one goal text itself.
    const right = view.right(cell);
    if (/绩效目标/u.test(key) && right?.text && !looksLikeLabel(right) && !(isShortLabel(right.text) && isValueLike(view.right(right)))) {
      readGoal(view, cell, 'annual', out);
    }
    return;
  }
  // 预算单位:某某局 — a label and its value in one cell (but 其中:财政资金 is one label).
  const right = view.right(cell);
  const pairs = labelledPairs(cell.text);
  if (pairs && (!right?.text || looksLikeLabel(right))) {
    view.use(cell);
    for (const [label, v] of pairs) out.funding.push({ label, key: extraKey(label), r: cell.r, c: cell.c, value: v });
    return;
  }
  if (/[:：]$/u.test(cell.text) || (isShortLabel(cell.text) && right !== undefined)) {
    view.use(cell);
    // A heading over label/value pairs (项目审批 | 项目总体概况 | text): no value of its own.
    if (!/[:：]$/u.test(cell.text) && right?.text && (isKnownLabel(right.key) || (isShortLabel(right.text) && isValueLike(view.right(right))))) return;
    const v = valueBeside(view, cell);
    out.funding.push({ label: cell.text, key: extraKey(cell.text), r: cell.r, c: cell.c, value: v?.text ?? null });
  }
}

function isSubTableHead(view: FormView, r: number): boolean {
  const head = view.filled(r);
  if (head.length < 3 || head.some((c) => isKnownLabel(c.key) || c.text.length > 20 || /[。；;,，:：]/u.test(c.text))) return false;
  const next = r + 1 < view.height ? view.filled(r + 1) : [];
  return next.length >= 3 && !next.some((c) => isKnownLabel(c.key)) && next.filter((c) => /^[\d,.]+$/u.test(c.text)).length >= 2;
}

const isValueLike = (cell: Cell | undefined) => !!cell?.text && !isKnownLabel(cell.key) && !isShortLabel(cell.text);

/** `填报单位:(盖章)`, `填表人: 张三 联系电话: 123`: label/value pairs written in running text. */
export function labelledPairs(text: string): [string, string | null][] | null {
  if (!/^[^\s:：]{2,12}[:：]/u.test(text) || /^其中[:：]/u.test(text) || text.length > 80) return null;
  const pairs: [string, string | null][] = [];
  for (const token of text.split(/\s+/u)) {
    const m = /^([^:：]{2,12})[:：](.*)$/u.exec(token);
    if (m) pairs.push([m[1], m[2] && !isPlaceholder(m[2]) ? m[2] : null]);
    else if (pairs.length) {
      const last = pairs[pairs.length - 1];
      if (isPlaceholder(token)) continue;
      last[1] = last[1] ? `${last[1]} ${token}` : token;
    }
  }
  return pairs.length ? pairs : null;
}

/** Unknown labels wait in the funding list: an amount beside a money word goes to funding.extras, the rest to project.extras. */
function isShortLabel(text: string): boolean {
  return text.length <= 20 && !/[。；;,，]/u.test(text) && !/^\d/u.test(text);
}

/** The lines from the title down (or the last two): a narrative further up is not the form's. */
function headerLines(before: string[]): string[] {
  const title = before.findLastIndex((l) => /绩效.{0,10}表/u.test(l));
  return before.slice(title >= 0 ? title : Math.max(0, before.length - 2));
}

function readGoal(view: FormView, cell: Cell, goal: GoalField, out: HeaderFields): void {
  const right = view.right(cell);
  let v: Cell | undefined = right?.text && !looksLikeLabel(right) ? right : undefined;
  if (!v) {
    const below = view.below(cell);
    if (below?.text && !looksLikeLabel(below) && !view.isUsed(below)) v = below;
  }
  if (!v) return; // a heading over 中期目标 / 年度目标, not a goal of its own
  view.use(v);
  const goals = out.goals;
  if (goal === 'overall') goals.overall = joinText(goals.overall, v.text);
  else goals.annual = joinText(goals.annual, v.text);
}

const joinText = (a: string | null, b: string) => (a == null ? b : `${a} ${b}`);

export function extraKey(label: string): string {
  return normalizeText(label).replace(/[:：]\s*$/u, '').trim();
}

function setProject(project: FilingRecord['project'], field: ProjectField, value: string | null): void {
  if (field === 'department' && value) {
    const { name, code } = splitCode(value);
    project.department ??= name;
    if (code) project.departmentCode ??= code;
    return;
  }
  project[field] ??= value;
}

/** [015001]武汉市青山区教育局, 219001-某局, 原州区宗教事务局116422210101621779 → name and code. */
export function splitCode(text: string): { name: string; code: string | null } {
  const bracket = /^[[【(（]\s*([0-9A-Za-z]+)\s*[\]】)）]\s*(.+)$/u.exec(text);
  if (bracket) return { code: bracket[1], name: bracket[2].trim() };
  const dash = /^(\d{3,})\s*[-－—]\s*(.+)$/u.exec(text);
  if (dash) return { code: dash[1], name: dash[2].trim() };
  const tail = /^(\D+?)(\d{12,})$/u.exec(text);
  if (tail) return { code: tail[2], name: tail[1].trim() };
  return { name: text, code: null };
}

