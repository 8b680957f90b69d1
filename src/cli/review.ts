// `filings review`: the review findings of the stored filings the filters keep, as a table, CSV, an
// xlsx workbook or JSON; the count on stderr. The rules that look at the year before need that
// year's filing even where the filters leave it out (--year 2023): the filings of the same projects
// are read too (review/scope.ts), every finding is made, and those of the filings asked for are kept.
import { writeCsvFiles } from '../report/csv.ts';
import { renderViews } from '../report/terminal.ts';
import { writeXlsxReport } from '../report/xlsx.ts';
import { type Finding, RuleCode } from '../review/finding.ts';
import { findingsView } from '../review/findings-view.ts';
import { reviewFindings } from '../review/rules.ts';
import { idsToRead } from '../review/scope.ts';
import type { FilingFilter, Store } from '../store/store.ts';
import type { OutputFlags } from './compare.ts';
import { CliError, EXIT, type ExitCode } from './exit-codes.ts';
import { printJson } from './json-output.ts';
import { openStoreFor, type StoreFlags } from './store-options.ts';

export interface ReviewFlags extends StoreFlags, FilingFilter, OutputFlags {
  /** Only these rules' findings; `--code a b` and `--code a,b` both work. */
  code?: string[];
}

/** The rule codes asked for, or null for all; an unknown code is a usage error, before the store is opened. */
function wantedCodes(given: string[] | undefined): Set<RuleCode> | null {
  const codes = (given ?? []).flatMap((g) => g.split(',')).map((c) => c.trim()).filter(Boolean);
  if (codes.length === 0) return null;
  const unknown = codes.filter((c) => !RuleCode.safeParse(c).success);
  if (unknown.length) throw new CliError('unknown_rule', `没有这条审查规则：${unknown.join('、')}（规则代码：${RuleCode.options.join(', ')}）`, EXIT.usage);
  return new Set(codes as RuleCode[]);
}

/** The findings of the filings the filters keep, and how many filings that is. */
async function review(store: Store, flags: ReviewFlags, codes: Set<RuleCode> | null): Promise<{ findings: Finding[]; reviewed: number }> {
  const { year, department, project, level1, level2 } = flags;
  const filtered = year !== undefined || department || project || level1 || level2;
  const all = await store.listFilings();
  const chosen = filtered ? await store.listFilings({ year, department, project, level1, level2 }) : all;
  const asked = new Set(chosen.map((s) => s.id));
  const findings = reviewFindings(await store.records(idsToRead(all, chosen)));
  return { findings: findings.filter((f) => asked.has(f.filingId) && (codes === null || codes.has(f.code))), reviewed: chosen.length };
}

export async function reviewCommand(flags: ReviewFlags): Promise<ExitCode> {
  const codes = wantedCodes(flags.code);
  const store = await openStoreFor(flags, 'read');
  const { findings, reviewed } = await review(store, flags, codes).finally(() => store.close());
  if (flags.json) printJson({ findings });
  else {
    const views = [findingsView(findings, reviewed)];
    if (flags.csv) for (const f of writeCsvFiles(flags.csv, views)) process.stderr.write(`filings: wrote ${f}\n`);
    if (flags.xlsx) {
      await writeXlsxReport(flags.xlsx, views);
      process.stderr.write(`filings: wrote ${flags.xlsx} (${views.length + 1} sheets)\n`);
    }
    if (!flags.csv && !flags.xlsx) process.stdout.write(renderViews(views));
  }
  process.stderr.write(`filings: ${findings.length} finding${findings.length === 1 ? '' : 's'} in ${reviewed} filing${reviewed === 1 ? '' : 's'}\n`);
  return EXIT.done;
}
