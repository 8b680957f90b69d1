// One stored filing in full, as the edges show it (the CLI's `show`, the service's /api/filings/:id):
// the record, every name its file was imported under, and its review findings, the year-to-year ones too.
import type { Finding } from '../review/finding.ts';
import type { FilingRecord } from '../schema.ts';
import { findFiling, type FilingQuery } from '../show/find.ts';
import type { Store, UploadName } from '../store/store.ts';
import { findingsOf } from './review.ts';

export interface FilingInFull {
  filing: FilingRecord;
  fileNames: UploadName[];
  findings: Finding[];
}

export async function filingInFull(store: Store, q: FilingQuery): Promise<FilingInFull> {
  const summaries = await store.listFilings();
  const summary = findFiling(summaries, q);
  const [stored] = await store.records([summary.id]);
  return {
    filing: stored.record,
    fileNames: await store.fileNames(stored.record.source.sha256),
    findings: await findingsOf(store, summaries, [summary], null),
  };
}
