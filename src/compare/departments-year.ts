// Across departments, one year: how many indicators each department filed in each level-2 group
// (and where a group was left empty or left out), and for one group the numeric targets side by side.
import { LEVEL2 } from '../form/vocabulary.ts';
import type { FilingRecord, Level2 } from '../schema.ts';
import type { StoredRecord } from '../store/store.ts';
import { inWan } from '../values/amount.ts';
import { groupByDepartment } from './department-groups.ts';
import { CompareError } from './errors.ts';
import { groupIn } from './group-match.ts';
import { scopeOf, type Scope } from './scope.ts';
import { duplicateNote, pickLatest } from './pick.ts';

export interface GroupColumn {
  /** The level-2 code, or `other:<label>` for a group outside the template. */
  key: string;
  label: string;
}

export interface MatrixCell {
  /** Indicators in the group, over the department's filings. */
  count: number;
  /** Filings that list the group with no indicator in it. */
  empty: number;
  /** Filings that don't list the group at all. */
  absent: number;
}

export interface DepartmentRow {
  department: string;
  departmentCode: string | null;
  projects: string[];
  /** Aligned with the matrix's columns. */
  cells: MatrixCell[];
}

export interface DepartmentMatrix {
  year: number;
  columns: GroupColumn[];
  rows: DepartmentRow[];
  /** Every group a filing lists with nothing in it: what auditors look for first. */
  emptyGroups: { department: string; project: string; group: string }[];
  notes: string[];
}

const CANONICAL_LABEL = new Map<Level2, string>();
for (const l of LEVEL2) if (!CANONICAL_LABEL.has(l.code)) CANONICAL_LABEL.set(l.code, l.label);
const TEMPLATE_ORDER = [...CANONICAL_LABEL.keys()];

const columnOf = (g: { level2: string | null; level2Code: Level2 | null }): GroupColumn | null => {
  if (g.level2Code && g.level2Code !== 'other') return { key: g.level2Code, label: CANONICAL_LABEL.get(g.level2Code)! };
  return g.level2 ? { key: `other:${g.level2}`, label: g.level2 } : null;
};

/** The year's filings, one per department and project (see pick.ts), grouped by department. */
function yearFilings(records: StoredRecord[], year: number) {
  const picked = pickLatest(records.filter((r) => r.record.form.fiscalYear === year));
  if (picked.length === 0) throw new CompareError('no_filings', `没有 ${year} 年度的填报表`);
  const notes = picked.map(duplicateNote).filter((n): n is string => n !== null);
  const filings = picked.map((p) => p.chosen).sort((a, b) => a.seq - b.seq);
  const departments = groupByDepartment(filings.map((s) => ({ ...s.record.project, record: s.record })));
  return { departments, notes };
}

const projectOf = (r: FilingRecord) => r.project.name ?? `${r.source.file} (${r.source.locator})`;

export function departmentMatrix(records: StoredRecord[], year: number): DepartmentMatrix {
  const { departments, notes } = yearFilings(records, year);
  const columns = new Map<string, GroupColumn>();
  for (const d of departments) {
    for (const { record } of d.members) {
      for (const g of [...record.indicators, ...record.emptyGroups]) {
        const c = columnOf(g);
        if (c) columns.set(c.key, c);
      }
    }
  }
  const order = (c: GroupColumn) => {
    const i = TEMPLATE_ORDER.indexOf(c.key as Level2);
    return i < 0 ? TEMPLATE_ORDER.length : i;
  };
  const cols = [...columns.values()].sort((a, b) => order(a) - order(b) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));

  const emptyGroups: DepartmentMatrix['emptyGroups'] = [];
  const rows = departments.map((d) => {
    const cells = cols.map(() => ({ count: 0, empty: 0, absent: 0 }));
    for (const { record } of d.members) {
      const listed = new Set<string>();
      for (const ind of record.indicators) {
        const c = columnOf(ind);
        if (!c) continue;
        cells[cols.findIndex((x) => x.key === c.key)].count++;
        listed.add(c.key);
      }
      for (const g of record.emptyGroups) {
        const c = columnOf(g)!;
        // A group can be empty under one level 1 and filled under another; filled wins.
        if (listed.has(c.key)) continue;
        cells[cols.findIndex((x) => x.key === c.key)].empty++;
        listed.add(c.key);
        emptyGroups.push({ department: d.department, project: projectOf(record), group: g.level2 });
      }
      cols.forEach((c, i) => {
        if (!listed.has(c.key)) cells[i].absent++;
      });
    }
    return { department: d.department, departmentCode: d.departmentCode, projects: d.members.map((m) => projectOf(m.record)), cells };
  });
  return { year, columns: cols, rows, emptyGroups, notes };
}

export interface SpreadRow {
  department: string;
  project: string;
  indicator: string;
  /** null where the department's filing has no indicator in the group. */
  target: string | null;
  value: number | null;
  unit: string | null;
  op: string | null;
  /** A total or a unit figure (per person, per school…): the two are never pooled. */
  scope: Scope | null;
  /** value minus the median of the targets of the same unit, direction and scope. */
  vsMedian: number | null;
}

export interface SpreadSummary {
  unit: string | null;
  /** The comparator of the targets summed up: ≥-style floors, ≤-style ceilings, or exact. */
  direction: 'floor' | 'ceiling' | 'exact';
  scope: Scope;
  count: number;
  min: number;
  median: number;
  max: number;
  /** max − min. */
  spread: number;
}

export interface GroupSpread {
  year: number;
  group: string;
  rows: SpreadRow[];
  summaries: SpreadSummary[];
  notes: string[];
}

const directionOf = (op: string): SpreadSummary['direction'] => (op === '>=' || op === '>' ? 'floor' : op === '<=' || op === '<' ? 'ceiling' : 'exact');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Round away binary noise (95 − 92.5 = 2.5 exactly, but 0.3 − 0.1 is not 0.2). */
const tidy = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * The targets of one group (level 2 or level 1, label or code: group-match.ts), each department's
 * side by side. Amounts are compared in 万元; totals and unit figures apart (scope.ts).
 */
export function groupSpread(records: StoredRecord[], year: number, group: string): GroupSpread {
  const { departments, notes } = yearFilings(records, year);
  const match = groupIn(
    departments.flatMap((d) => d.members.map((m) => m.record)),
    group,
  );
  const inGroup = match.has;
  const label = match.label;

  const rows: SpreadRow[] = [];
  for (const d of departments) {
    for (const { record } of d.members) {
      const inds = record.indicators.filter(inGroup);
      const base = { department: d.department, project: projectOf(record) };
      if (inds.length === 0) rows.push({ ...base, indicator: '', target: null, value: null, unit: null, op: null, scope: null, vsMedian: null });
      for (const ind of inds) {
        const t = ind.target;
        const numeric = t?.kind === 'numeric' ? { ...t, ...inWan(t.value, t.unit) } : null;
        rows.push({
          ...base,
          indicator: ind.name,
          target: t?.raw ?? null,
          value: numeric?.value ?? null,
          unit: numeric?.unit ?? null,
          op: numeric?.op ?? null,
          scope: numeric ? scopeOf(ind.name, numeric.unit) : null,
          vsMedian: null,
        });
      }
    }
  }

  const buckets = new Map<string, SpreadRow[]>();
  for (const r of rows) {
    if (r.value === null || r.op === null) continue;
    const key = JSON.stringify([r.unit, directionOf(r.op), r.scope]);
    buckets.set(key, [...(buckets.get(key) ?? []), r]);
  }
  const summaries: SpreadSummary[] = [];
  for (const [key, bucket] of buckets) {
    const [unit, direction, scope] = JSON.parse(key) as [string | null, SpreadSummary['direction'], Scope];
    const values = bucket.map((r) => r.value!);
    const med = median(values);
    for (const r of bucket) r.vsMedian = tidy(r.value! - med);
    const [min, max] = [Math.min(...values), Math.max(...values)];
    summaries.push({ unit, direction, scope, count: values.length, min, median: med, max, spread: tidy(max - min) });
  }
  summaries.sort((a, b) => b.count - a.count);
  return { year, group: label, rows, summaries, notes };
}
