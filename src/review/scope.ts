// Which stored filings a review of some filings has to read: those filings, and every other filing
// of their projects (by the project's name without its year, as compare years matches it), since
// target_lowered and targets_copied hold a filing against the year before, which the filters that
// chose the filings (--year 2023) may have left out. A project name shared with another department
// reads that department's filings too, which does no harm: the rules keep departments apart.
import { projectKey } from '../compare/keys.ts';
import type { FilingSummary } from '../store/store.ts';

export function idsToRead(all: FilingSummary[], chosen: FilingSummary[]): string[] {
  const ids = new Set(chosen.map((s) => s.id));
  const projects = new Set(chosen.filter((s) => s.projectName !== null).map((s) => projectKey(s.projectName!)));
  return all.filter((s) => ids.has(s.id) || (s.projectName !== null && projects.has(projectKey(s.projectName)))).map((s) => s.id);
}
