// The filing `filings show` is asked for: by id (or a prefix of it), or by project and year.
import { findProject } from '../compare/project-years.ts';
import type { FilingSummary } from '../store/store.ts';
import { LookupError } from './errors.ts';
import { resolveId, shortId } from './ids.ts';

export interface FilingQuery {
  id?: string;
  project?: string;
  year?: number;
  department?: string;
}

export function findFiling(summaries: FilingSummary[], q: FilingQuery): FilingSummary {
  if (q.id) return resolveId(summaries, q.id);
  if (!q.project || q.year === undefined) throw new LookupError('no_filing', '请给出编号，或同时给出 --project 与 --year');
  const inYear = findProject(summaries, { project: q.project, department: q.department }).filter((s) => s.fiscalYear === q.year);
  if (inYear.length === 0) throw new LookupError('no_filing', `${q.project} 没有 ${q.year} 年度的填报表`);
  if (inYear.length > 1) {
    // The same project filed twice for one year (a revised form, two files): the auditor picks.
    const listed = inYear.map((s) => `${shortId(s.id)} ${s.fileName}（${s.locator}）`).join('；');
    throw new LookupError('ambiguous_filing', `${q.project} ${q.year} 年度有 ${inYear.length} 份填报表，请用编号指定：${listed}`);
  }
  return inYear[0];
}
