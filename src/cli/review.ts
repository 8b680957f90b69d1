// `filings review`: the review findings of the stored filings the filters keep, as a table, CSV, an
// xlsx workbook or JSON; the count on stderr. The rules that look at the year before need that
// year's filing even where the filters leave it out (--year 2023): the filings of the same projects
// are read too (review/scope.ts), every finding is made, and those of the filings asked for are kept.
import { writeCsvFiles } from '../report/csv.ts';
import { renderViews } from '../report/terminal.ts';
import { writeXlsxReport } from '../report/xlsx.ts';
import { findingsView } from '../review/findings-view.ts';
import type { FilingFilter } from '../store/store.ts';
import { review, ruleCodes } from '../views/review.ts';
import type { OutputFlags } from './compare.ts';
import { EXIT, type ExitCode } from './exit-codes.ts';
import { printJson } from './json-output.ts';
import { openStoreFor, type StoreFlags } from './store-options.ts';

export interface ReviewFlags extends StoreFlags, FilingFilter, OutputFlags {
  /** Only these rules' findings; `--code a b` and `--code a,b` both work. */
  code?: string[];
}

export async function reviewCommand(flags: ReviewFlags): Promise<ExitCode> {
  const codes = ruleCodes(flags.code);
  const store = await openStoreFor(flags, 'read');
  const { year, department, project, level1, level2 } = flags;
  const { findings, reviewed } = await review(store, { year, department, project, level1, level2 }, codes).finally(() => store.close());
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
