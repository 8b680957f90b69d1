// Which stored filing stands for a project in a year. The same form is often stored more than once
// (sent as Word and as Excel, or corrected and sent again); the one stored last is taken, and the
// others are named so the auditor knows they exist and whether they say anything different.
import type { StoredRecord } from '../store/store.ts';
import { departmentKey, projectKey } from './keys.ts';

export interface Picked {
  chosen: StoredRecord;
  /** The other filings of the same project, department and year; `same` when their content matches. */
  others: { stored: StoredRecord; same: boolean }[];
}

const content = (r: StoredRecord) => JSON.stringify({ i: r.record.indicators, e: r.record.emptyGroups });

/** One filing per department, project and year (records given in any order). */
export function pickLatest(records: StoredRecord[]): Picked[] {
  const byKey = new Map<string, StoredRecord[]>();
  for (const r of records) {
    const p = r.record.project;
    const key = JSON.stringify([r.record.form.fiscalYear, departmentKey(p.department ?? ''), projectKey(p.name ?? '')]);
    byKey.set(key, [...(byKey.get(key) ?? []), r]);
  }
  return [...byKey.values()].map((group) => {
    const sorted = [...group].sort((a, b) => b.seq - a.seq);
    const [chosen, ...rest] = sorted;
    return { chosen, others: rest.map((stored) => ({ stored, same: content(stored) === content(chosen) })) };
  });
}

/** A note on the filings left out, or none. */
export function duplicateNote(p: Picked): string | null {
  if (p.others.length === 0) return null;
  const r = p.chosen.record;
  const differ = p.others.filter((o) => !o.same);
  const files = p.others.map((o) => `${o.stored.record.source.file}（${o.stored.record.source.locator}）`).join('、');
  return (
    `${r.form.fiscalYear ?? '年度不详'} ${r.project.department ?? ''} ${r.project.name ?? ''}：采用最后导入的 ${r.source.file}（${r.source.locator}）；` +
    `另有：${files}` +
    (differ.length ? `，其中 ${differ.length} 份的指标或指标值不同` : '，指标与指标值相同')
  );
}
