// One run of the warehouse feed. Each run writes one batch folder into the feed's folder: a full
// snapshot, or what was stored or changed since the feed's last run and the forms removed since, plus a
// manifest. The batch is written under a hidden temporary name, flushed to disk, and renamed into
// place; only then does the feed's cursor move. A crash before the rename leaves no batch and the
// cursor where it was, and the next run writes the same rows again: a feed repeats, it never skips.
// A crash after the rename but before the cursor moved leaves a complete batch; the next run takes the
// next run number and covers its range again, which loading in name order makes harmless.
import fs from 'node:fs/promises';
import path from 'node:path';
import { FEED_FILING_COLUMNS, FEED_INDICATOR_COLUMNS, FEED_NAME_COLUMNS, FEED_REMOVAL_COLUMNS } from '../store/feed-rows.ts';
import type { Store } from '../store/store.ts';
import { SCHEMA_VERSION } from '../codes.ts';
import { batchName, type BatchId, type BatchKind } from './batch-names.ts';
import { openCsv } from './csv.ts';
import { syncDir, writeDurable } from './durable.ts';
import { FEED_VERSION, openFeedFolder } from './feed-folder.ts';
import { manifest, manifestTable, type FeedTable, type ManifestTable } from './manifest.ts';
import { openNdjson } from './ndjson.ts';
import { planRun, type FullReason } from './run-plan.ts';
import type { ExportFormat, OpenTable } from './table-writer.ts';

const OPEN: Record<ExportFormat, OpenTable> = {
  ndjson: openNdjson,
  csv: openCsv,
  // hyparquet-writer takes about 60 ms to load: only a Parquet export loads it.
  parquet: async (file, columns) => (await import('./parquet.ts')).openParquet(file, columns),
};

/** Filings per page: each page is read in one snapshot and becomes one Parquet row group. */
export const EXPORT_PAGE = 500;

export interface ExportOptions {
  format: ExportFormat;
  out: string;
  /** Everything stored, not only what changed since the last run. */
  full?: boolean;
  /** Called when the batch is completely written and not yet renamed into place (tests crash here). */
  beforeRename?: (tmpDir: string) => void | Promise<void>;
}

export interface ExportResult {
  /** The feed's name (its cursor in the store): its format and absolute output folder. */
  feed: string;
  /** The feed's folder, absolute. */
  folder: string;
  /** The batch folder written, or null when nothing changed since the last run. */
  batch: string | null;
  /** The batch's run number, name and kind; null when nothing was written. */
  run: number | null;
  name: string | null;
  kind: BatchKind | null;
  /** Why a full snapshot was written (asked for, or the only safe choice); null otherwise. */
  reason: FullReason | null;
  /** Change numbers exported: afterSeq < seq <= upToSeq. When nothing was written, both are the cursor. */
  afterSeq: number;
  upToSeq: number;
  counts: { filings: number; indicators: number; removed: number; fileNames: number };
  /** The files of the batch, as its manifest lists them. */
  files: (ManifestTable & { table: FeedTable })[];
}

/** One cursor per format and output folder, so a trial run elsewhere never moves the nightly feed. */
export const feedName = (format: ExportFormat, out: string) => `${format}:${path.resolve(out)}`;

export async function runExport(store: Store, opts: ExportOptions): Promise<ExportResult> {
  const feed = feedName(opts.format, opts.out);
  // The folder is locked before the store is read, so run numbers follow the order of the store's states.
  const folder = await openFeedFolder(opts.out, opts.format);
  try {
    const cursor = await store.exportCursor(feed);
    const plan = planRun({ full: opts.full ?? false, cursor, lastChange: await store.lastChange(), last: folder.last });
    const result: ExportResult = {
      feed,
      folder: folder.dir,
      batch: null,
      run: null,
      name: null,
      kind: null,
      reason: null,
      afterSeq: cursor,
      upToSeq: cursor,
      counts: { filings: 0, indicators: 0, removed: 0, fileNames: 0 },
      files: [],
    };
    if (plan === null) return result;

    const batch: BatchId = { run: (folder.last?.run ?? 0) + 1, kind: plan.kind, afterSeq: plan.afterSeq, upToSeq: plan.upToSeq };
    const name = batchName(batch);
    const tmp = folder.tmpPath(name);
    await fs.mkdir(tmp);
    try {
      const tables = await writeTables(store, opts.format, tmp, batch, result.counts);
      const exportedAt = new Date().toISOString();
      const m = manifest({ feedVersion: FEED_VERSION, feed, format: opts.format, schemaVersion: SCHEMA_VERSION, exportedAt, tables }, batch);
      await writeDurable(path.join(tmp, 'manifest.json'), `${JSON.stringify(m, null, 2)}\n`);
      await syncDir(tmp);
      await opts.beforeRename?.(tmp);
      result.batch = await folder.publish(tmp, batch, exportedAt);
      result.files = Object.entries(tables).map(([table, t]) => ({ table: table as FeedTable, ...t }));
    } catch (e) {
      await fs.rm(tmp, { recursive: true, force: true }).catch(() => {});
      throw e;
    }
    await store.moveExportCursor(feed, cursor, plan.upToSeq);
    return { ...result, run: batch.run, name, kind: plan.kind, reason: plan.reason, afterSeq: plan.afterSeq, upToSeq: plan.upToSeq };
  } finally {
    await folder.release();
  }
}

async function writeTables(
  store: Store,
  format: ExportFormat,
  dir: string,
  batch: BatchId,
  counts: ExportResult['counts'],
): Promise<Partial<Record<FeedTable, ManifestTable>>> {
  const open = OPEN[format];
  const file = (table: FeedTable) => `${table}.${format}`;
  const filings = await open(path.join(dir, file('filings')), FEED_FILING_COLUMNS);
  const indicators = await open(path.join(dir, file('indicators')), FEED_INDICATOR_COLUMNS);
  let from = batch.afterSeq;
  for (;;) {
    const page = await store.feedPage(from, batch.upToSeq, EXPORT_PAGE);
    await filings.write(page.filings);
    await indicators.write(page.indicators);
    counts.filings += page.filings.length;
    counts.indicators += page.indicators.length;
    if (page.filings.length < EXPORT_PAGE) break;
    from = page.filings[page.filings.length - 1].seq!;
  }
  const tables: Partial<Record<FeedTable, ManifestTable>> = {
    filings: manifestTable(file('filings'), counts.filings, FEED_FILING_COLUMNS, await filings.close()),
    indicators: manifestTable(file('indicators'), counts.indicators, FEED_INDICATOR_COLUMNS, await indicators.close()),
  };
  // Names in both kinds: a full snapshot has every name, an incremental batch the names new since.
  const names = await store.feedNames(batch.afterSeq, batch.upToSeq);
  const fileNames = await open(path.join(dir, file('file_names')), FEED_NAME_COLUMNS);
  await fileNames.write(names);
  counts.fileNames = names.length;
  tables.file_names = manifestTable(file('file_names'), counts.fileNames, FEED_NAME_COLUMNS, await fileNames.close());
  // A full snapshot is the whole store: whatever it lacks is gone, so it needs no list of removals.
  if (batch.kind === 'incremental') {
    const removals = await store.feedRemovals(batch.afterSeq, batch.upToSeq);
    const removed = await open(path.join(dir, file('removed')), FEED_REMOVAL_COLUMNS);
    await removed.write(removals);
    counts.removed = removals.length;
    tables.removed = manifestTable(file('removed'), counts.removed, FEED_REMOVAL_COLUMNS, await removed.close());
  }
  return tables;
}
