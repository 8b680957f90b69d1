// `filings review`: the review findings of the stored filings the filters keep, as a table, CSV, an
// xlsx workbook or JSON; the count on stderr. The rules that look at the year before need that
// year's filing even where the filters leave it out (--year 2023): the filings of the same projects
// are read too (review/scope.ts), every finding is made, and those of the filings asked for are kept.
import { findingsView } from '../review/findings-view.ts';
import type { FilingFilter } from '../store/store.ts';
import { review, ruleCodes } from '../views/review.ts';
import { writeViews, type OutputFlags } from './views-output.ts';
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
  else await writeViews(flags, () => [findingsView(findings, reviewed)]);
  process.stderr.write(`filings: ${findings.length} finding${findings.length === 1 ? '' : 's'} in ${reviewed} filing${reviewed === 1 ? '' : 's'}\n`);
  return EXIT.done;
}
