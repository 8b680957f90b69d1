// `filings list`: the stored filings the filters keep, as a table with a header row (short id, year,
// department with its code, project, indicators, funding, file and place in it), sorted as asked;
// the count on stderr. The names come from forms and file names: the renderer escapes their control
// characters.
import { renderView } from '../report/terminal.ts';
import { col, number, text, type ReportView } from '../report/view.ts';
import { shortId } from '../show/ids.ts';
import type { FilingFilter, FilingSummary, Store } from '../store/store.ts';
import { EXIT, type ExitCode } from './exit-codes.ts';
import { printJson } from './json-output.ts';
import { openStoreFor, type StoreFlags } from './store-options.ts';

export const LIST_SORTS = ['year', 'department', 'project', 'funding', 'indicators'] as const;
export type ListSort = (typeof LIST_SORTS)[number];

export interface ListFlags extends StoreFlags, FilingFilter {
  json?: boolean;
  sort?: ListSort;
  /** Only filings whose record carries a content warning (funding_sum, …). */
  warnings?: boolean;
  /** Only filings with a review finding: of any rule (true), or of these rules. */
  findings?: boolean | string[];
}

const cmp = (a: string | number | null, b: string | number | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);
const SORT: Record<ListSort, (a: FilingSummary, b: FilingSummary) => number> = {
  year: (a, b) => cmp(a.fiscalYear, b.fiscalYear),
  department: (a, b) => cmp(a.department, b.department),
  project: (a, b) => cmp(a.projectName, b.projectName),
  // The largest first: what an auditor looks at first.
  funding: (a, b) => cmp(b.fundingTotal ?? b.annualTotal, a.fundingTotal ?? a.annualTotal) || cmp(a.fiscalYear, b.fiscalYear),
  indicators: (a, b) => cmp(b.indicators, a.indicators),
};

// The review and the group vocabulary are loaded only when a filter needs them: a plain `list` starts fast.
async function withFindings(store: Store, rows: FilingSummary[], codes: string[] | null): Promise<FilingSummary[]> {
  const { findingsOf, ruleCodes } = await import('../views/review.ts');
  const hit = new Set((await findingsOf(store, await store.listFilings(), rows, ruleCodes(codes ?? undefined))).map((f) => f.filingId));
  return rows.filter((r) => hit.has(r.id));
}

async function withWarnings(store: Store, rows: FilingSummary[]): Promise<FilingSummary[]> {
  const warned = new Set((await store.records(rows.map((r) => r.id))).filter((s) => s.record.warnings.length > 0).map((s) => s.record.id));
  return rows.filter((r) => warned.has(r.id));
}

async function checkGroups(store: Store, level1: string | undefined, level2: string | undefined): Promise<void> {
  const [{ matchGroup, unknownGroup }, { LEVEL1, LEVEL2 }] = await Promise.all([import('../compare/group-match.ts'), import('../form/vocabulary.ts')]);
  for (const given of [level1, level2]) {
    if (given && !matchGroup(given).known && (await store.listFilings({ [given === level1 ? 'level1' : 'level2']: given })).length === 0) {
      const template = [
        ...[...LEVEL1.keys()].map((label) => ({ level1: label, level1Code: null, level2: null, level2Code: null })),
        ...LEVEL2.map((l) => ({ level1: null, level1Code: null, level2: l.label, level2Code: null })),
      ];
      throw unknownGroup(given, template);
    }
  }
}

export function listView(rows: FilingSummary[]): ReportView {
  return {
    name: '填报表',
    file: 'filings',
    title: `填报表：${rows.length} 份`,
    columns: [col('编号'), col('年度'), col('部门', 'text', 28), col('项目', 'text', 30), col('指标数', 'number'), col('资金总额', 'number'), col('年度资金', 'number'), col('文件（位置）', 'text', 40)],
    rows: rows.map((r) => [
      text(shortId(r.id)),
      text(r.fiscalYear === null ? '—' : String(r.fiscalYear)),
      text((r.department ?? '—') + (r.departmentCode ? ` [${r.departmentCode}]` : '')),
      text(r.projectName ?? '—'),
      number(r.indicators),
      number(r.fundingTotal),
      number(r.annualTotal),
      text(`${r.fileName}（${r.locator}）`),
    ]),
    notes: ['资金单位：万元。编号可只写前几位（能区分即可），如 filings show 1a2b3c'],
  };
}

export async function listCommand(flags: ListFlags): Promise<ExitCode> {
  const store = await openStoreFor(flags, 'read');
  try {
    const { year, department, project, level1, level2 } = flags;
    let rows = await store.listFilings({ year, department, project, level1, level2 });
    // A group no template knows and no stored indicator uses is a typo: "0 filings" would read as an answer.
    if (rows.length === 0 && (level1 || level2)) await checkGroups(store, level1, level2);
    if (flags.warnings) rows = await withWarnings(store, rows);
    if (flags.findings) rows = await withFindings(store, rows, flags.findings === true ? null : flags.findings);
    if (flags.sort) rows = [...rows].sort(SORT[flags.sort]);
    if (flags.json) printJson({ filings: rows.map((r) => ({ ...r, shortId: shortId(r.id) })) });
    else if (rows.length) process.stdout.write(renderView(listView(rows)));
    process.stderr.write(`filings: ${rows.length} filing${rows.length === 1 ? '' : 's'}\n`);
    return EXIT.done;
  } finally {
    await store.close();
  }
}
