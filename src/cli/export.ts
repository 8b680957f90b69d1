// `filings export`: the warehouse feed. Prints what it wrote on stderr, and with --json as one JSON
// document on stdout. Exit 0 when the run did its work, also when nothing changed since the last run
// (then nothing is written); 2 when it could not run (a folder holding another feed, an unwritable
// folder, another export writing there, the store out of reach): nothing was written, the cursor did
// not move, nothing is printed on stdout. An export reads no inputs of its own, so it never exits 1.
import { runExport, type ExportResult } from '../export/batch.ts';
import type { FullReason } from '../export/run-plan.ts';
import type { ExportFormat } from '../export/table-writer.ts';
import { EXIT, type ExitCode } from './exit-codes.ts';
import { printJson } from './json-output.ts';
import { openStoreFor, type StoreFlags } from './store-options.ts';

export async function exportCommand(flags: StoreFlags & { format: ExportFormat; out: string; full?: boolean; json?: boolean }): Promise<ExitCode> {
  // A FeedError or a StoreError (no store, another export meanwhile) reaches the edge: exit 2.
  const store = await openStoreFor(flags, 'read');
  try {
    const r = await runExport(store, { format: flags.format, out: flags.out, full: flags.full });
    process.stderr.write(`filings: ${summary(r)}\n`);
    if (flags.json) printJson(jsonResult(r));
    return EXIT.done;
  } finally {
    await store.close();
  }
}

const WHY: Record<FullReason, string> = {
  asked: 'as asked',
  new_feed: 'the first run of this store into this folder',
  store_behind: 'the store is behind what this folder already delivered (restored from a backup?)',
};

function summary(r: ExportResult): string {
  if (r.batch === null) return `nothing stored or changed since the last export to ${r.folder} (change ${r.upToSeq})`;
  const { filings, indicators, removed, fileNames } = r.counts;
  const what = `exported ${filings} filings, ${indicators} indicators, ${fileNames} file names`;
  return r.kind === 'full'
    ? `${what} (a full snapshot up to change ${r.upToSeq}, ${WHY[r.reason!]}) to ${r.batch}`
    : `${what}, ${removed} removed forms (changes ${r.afterSeq + 1} to ${r.upToSeq}) to ${r.batch}`;
}

/** The --json document: what a script needs to load or check the batch (column types are in its manifest). */
function jsonResult(r: ExportResult) {
  return {
    feed: r.feed,
    folder: r.folder,
    batch: r.batch,
    name: r.name,
    run: r.run,
    kind: r.kind,
    reason: r.reason,
    afterSeq: r.afterSeq,
    upToSeq: r.upToSeq,
    counts: r.counts,
    files: r.files.map(({ table, file, rows, bytes, sha256 }) => ({ table, file, rows, bytes, sha256 })),
  };
}
