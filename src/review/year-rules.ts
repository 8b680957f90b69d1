// The rules that compare a filing with the previous year's filing of the same project: a target that
// asks less than it did, and a year whose targets all repeat the year before. The project, its years
// and its indicators are matched exactly as `filings compare years` matches them (compareProject:
// the project by its name without the year and its department, one filing per year, indicators by
// name then by a similar name), and a change asks less where change.ts says it is not stricter.
// "The previous year" is the project's previous filed year: with 2022 not stored, 2023 is held
// against 2021, and the message names both years.
import { groupByDepartment } from '../compare/department-groups.ts';
import { projectKey } from '../compare/keys.ts';
import { compareProject, type IndicatorRow, type ProjectComparison } from '../compare/project-years.ts';
import type { StoredRecord } from '../store/store.ts';
import { type Finding, finding } from './finding.ts';

/** The stored filings of each project of each department (every year, duplicates included). */
function projectHistories(records: StoredRecord[]): StoredRecord[][] {
  const byName = new Map<string, StoredRecord[]>();
  for (const s of [...records].sort((a, b) => a.seq - b.seq)) {
    if (!s.record.project.name) continue;
    const key = projectKey(s.record.project.name);
    byName.set(key, [...(byName.get(key) ?? []), s]);
  }
  return [...byName.values()].flatMap((filings) =>
    groupByDepartment(filings.map((stored) => ({ ...stored.record.project, stored }))).map((g) => g.members.map((m) => m.stored)),
  );
}

const yearsFiled = (history: StoredRecord[]) => new Set(history.map((s) => s.record.form.fiscalYear).filter((y) => y !== null)).size;

function lowered(row: IndicatorRow, c: ProjectComparison, y: number): string | null {
  const t = row.transitions.find((x) => x.from === c.years[y - 1] && x.to === c.years[y]);
  if (!t || (t.kind !== 'raised' && t.kind !== 'lowered') || t.stricter !== false) return null;
  const [before, after] = [row.years[y - 1]!, row.years[y]!];
  const renamed = t.renamed ? `（${t.from}年名为“${t.renamed.from}”）` : '';
  const moved = t.kind === 'raised' ? '升为' : '降为';
  return `“${after.name}”${renamed}目标由${before.target!.raw}${moved}${after.target!.raw}（${t.from}→${t.to}），要求降低`;
}

/**
 * Every indicator of year y was there the year before with the same target (one new this year is
 * `added`, not unchanged), and some target is filled. One dropped since the year before does not
 * count against a copy: the rest was still copied.
 */
function copied(c: ProjectComparison, y: number): boolean {
  const present = c.rows.filter((r) => r.years[y] !== null);
  if (!present.some((r) => r.years[y]!.target !== null)) return false;
  return present.every((r) => r.transitions.find((t) => t.to === c.years[y])?.kind === 'unchanged');
}

export function yearFindings(records: StoredRecord[]): Finding[] {
  const findings: Finding[] = [];
  for (const history of projectHistories(records)) {
    if (yearsFiled(history) < 2) continue;
    const c = compareProject(history);
    const byId = new Map(history.map((s) => [s.record.id, s.record]));
    for (let y = 1; y < c.years.length; y++) {
      const record = byId.get(c.filings[y].id)!;
      for (const row of c.rows) {
        const message = lowered(row, c, y);
        // The row's group is the indicator's newest; an indicator seldom changes group between years.
        if (message) findings.push(finding(record, 'target_lowered', { message, indicator: row.years[y]!.name, level1: row.level1, level2: row.level2 }));
      }
      if (copied(c, y)) {
        const count = c.rows.filter((r) => r.years[y] !== null).length;
        findings.push(finding(record, 'targets_copied', { message: `全部${count}项指标的指标值与${c.years[y - 1]}年的填报相同` }));
      }
    }
  }
  return findings;
}
