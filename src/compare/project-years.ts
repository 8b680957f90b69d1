// Across years, one project: find it among the stored filings by its name without the year and its
// department, follow each indicator through the years, and say what changed from each year to the next.
import { level2Order } from '../form/vocabulary.ts';
import type { Indicator, Target } from '../schema.ts';
import type { FilingSummary, StoredRecord } from '../store/store.ts';
import { normalizeText } from '../text/normalize.ts';
import { compareTargets, type ChangeKind } from './change.ts';
import { groupByDepartment } from './department-groups.ts';
import { CompareError } from './errors.ts';
import { buildTracks, type Appearance } from './indicator-tracks.ts';
import { departmentKey, projectKey } from './keys.ts';
import { duplicateNote, pickLatest } from './pick.ts';

export interface ProjectQuery {
  project: string;
  /** Part of a department's name, or its code, where the same project name is filed by several. */
  department?: string;
}

/** The stored filings of the asked project (every year, duplicates included). */
export function findProject(summaries: FilingSummary[], q: ProjectQuery): FilingSummary[] {
  const want = projectKey(q.project);
  const named = summaries.filter((s) => s.projectName !== null);
  let hits = named.filter((s) => projectKey(s.projectName!) === want);
  if (hits.length === 0) hits = named.filter((s) => projectKey(s.projectName!).includes(want));
  if (hits.length === 0) throw new CompareError('no_project', `没有名称像“${q.project}”的项目`);
  const projects = [...new Set(hits.map((s) => projectKey(s.projectName!)))];
  if (projects.length > 1) {
    throw new CompareError('ambiguous_project', `“${q.project}”对应 ${projects.length} 个项目，请写出其中一个：${projects.join('、')}`);
  }
  let groups = groupByDepartment([...hits].sort((a, b) => a.seq - b.seq));
  if (q.department) {
    const d = departmentKey(q.department);
    groups = groups.filter((g) => g.members.some((m) => (m.department && departmentKey(m.department).includes(d)) || m.departmentCode === q.department));
    if (groups.length === 0) throw new CompareError('no_project', `“${q.project}”没有由“${q.department}”这样的部门填报`);
  }
  if (groups.length > 1) {
    const names = groups.map((g) => g.department + (g.departmentCode ? ` [${g.departmentCode}]` : '')).join(', ');
    throw new CompareError('ambiguous_department', `“${q.project}”由 ${groups.length} 个部门填报，请用 --department 选一个：${names}`);
  }
  return groups[0].members;
}

export interface YearCell {
  name: string;
  target: Target | null;
  /** How this year's indicator was tied to the row (see indicator-tracks.ts). */
  matchedBy: Appearance['matchedBy'];
}

export interface Transition {
  from: number;
  to: number;
  kind: ChangeKind;
  /** For raised and lowered: whether the new target asks more of the project (see change.ts). */
  stricter: boolean | null;
  /** Set when the indicator was matched to the year before by a similar name. */
  renamed: { from: string; to: string; score: number } | null;
}

export interface IndicatorRow {
  /** The newest name the indicator goes by. */
  name: string;
  horizon: Indicator['horizon'];
  level1: string | null;
  level1Code: Indicator['level1Code'];
  level2: string | null;
  level2Code: Indicator['level2Code'];
  /** Aligned with the comparison's years. */
  years: (YearCell | null)[];
  /** One per pair of consecutive years in which the indicator exists in either. */
  transitions: Transition[];
  /** From the first compared year straight to the last (when more than two are compared), else null. */
  span: Transition | null;
}

export interface ProjectComparison {
  project: string;
  department: string;
  departmentCode: string | null;
  years: number[];
  /** The filing used for each year. */
  filings: { year: number; id: string; file: string; locator: string }[];
  rows: IndicatorRow[];
  notes: string[];
  /** The group the rows were limited to, when one was asked for. */
  group?: string;
}

/** Compares the project's filings (those findProject kept) year by year. */
export function compareProject(records: StoredRecord[]): ProjectComparison {
  const notes: string[] = [];
  const undated = records.filter((r) => r.record.form.fiscalYear === null);
  for (const r of undated) notes.push(`未纳入 ${r.record.source.file}（${r.record.source.locator}）：没有年度`);
  const picked = pickLatest(records.filter((r) => r.record.form.fiscalYear !== null)).sort(
    (a, b) => a.chosen.record.form.fiscalYear! - b.chosen.record.form.fiscalYear!,
  );
  if (picked.length === 0) throw new CompareError('no_filings', '该项目的填报表都没有年度');
  for (const p of picked) {
    const note = duplicateNote(p);
    if (note) notes.push(note);
  }
  const chosen = picked.map((p) => p.chosen.record);
  const years = chosen.map((r) => r.form.fiscalYear!);
  const newest = chosen[chosen.length - 1];
  const dept = groupByDepartment(chosen.map((r) => r.project))[0];

  const tracks = buildTracks(chosen.map((r) => r.indicators));
  const rows: IndicatorRow[] = tracks.map((t) => {
    const last = [...t.cells].reverse().find((c) => c)!.indicator;
    const transitions: Transition[] = [];
    for (let y = 1; y < years.length; y++) {
      const [a, b] = [t.cells[y - 1], t.cells[y]];
      if (!a && !b) continue;
      const base = { from: years[y - 1], to: years[y], renamed: null };
      if (!a) transitions.push({ ...base, kind: 'added', stricter: null });
      else if (!b) transitions.push({ ...base, kind: 'removed', stricter: null });
      else {
        const renamed = b.matchedBy === 'similarity' ? { from: a.indicator.name, to: b.indicator.name, score: b.similarTo!.score } : null;
        transitions.push({ ...base, ...compareTargets(a.indicator.target, b.indicator.target), renamed });
      }
    }
    // 2021→2023 asked straight: the first year's target against the last year's, whatever came between.
    const [first, final] = [t.cells[0], t.cells[years.length - 1]];
    let span: Transition | null = null;
    if (years.length > 2 && (first || final)) {
      const base = { from: years[0], to: years[years.length - 1], renamed: null };
      if (!first) span = { ...base, kind: 'added', stricter: null };
      else if (!final) span = { ...base, kind: 'removed', stricter: null };
      else {
        const renamed = first.indicator.name !== final.indicator.name ? { from: first.indicator.name, to: final.indicator.name, score: 0 } : null;
        span = { ...base, ...compareTargets(first.indicator.target, final.indicator.target), renamed };
      }
    }
    return {
      span,
      name: last.name,
      horizon: last.horizon,
      level1: last.level1,
      level1Code: last.level1Code,
      level2: last.level2,
      level2Code: last.level2Code,
      years: t.cells.map((c) => (c ? { name: c.indicator.name, target: c.indicator.target, matchedBy: c.matchedBy } : null)),
      transitions,
    };
  });

  return {
    project: newest.project.name ? projectName(chosen.map((r) => r.project.name!)) : '',
    department: dept.department,
    departmentCode: dept.departmentCode,
    years,
    filings: chosen.map((r) => ({ year: r.form.fiscalYear!, id: r.id, file: r.source.file, locator: r.source.locator })),
    rows: sortByGroup(rows),
    notes,
  };
}

/** The project's name without a year, as the filings write it (the newest that has no year, else the key). */
function projectName(names: string[]): string {
  const plain = [...names].reverse().find((n) => projectKey(n) === normalizeText(n).replace(/\s+/g, ''));
  return plain ?? projectKey(names[names.length - 1]);
}

/** Rows in the template's group order (产出 before 效益 …), first appearance within a group. */
function sortByGroup(rows: IndicatorRow[]): IndicatorRow[] {
  const order = (r: IndicatorRow) => {
    const i = r.level2 ? level2Order(r.level2.replace(/\s+/g, '')) : -1;
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (a.r.horizon === b.r.horizon ? 0 : a.r.horizon === 'overall' ? -1 : 1) || order(a.r) - order(b.r) || a.i - b.i)
    .map((x) => x.r);
}
