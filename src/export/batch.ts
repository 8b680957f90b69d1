// One run of the warehouse feed. Each run writes one batch folder holding the filings and indicators
// stored or changed since the feed's last successful run (and, for an incremental batch, the forms
// removed since), plus a manifest. The batch is written under a hidden temporary name, flushed to
// disk, and renamed into place; only then does the feed's cursor move. A crash before the rename
// leaves the cursor where it was and the next run writes the same rows again: a feed repeats, it
// never skips. A crash after the rename but before the cursor moved repeats the batch under its name.
import fs from 'node:fs/promises';
import path from 'node:path';
import { FEED_FILING_COLUMNS, FEED_INDICATOR_COLUMNS, FEED_REMOVAL_COLUMNS } from '../store/feed-rows.ts';
import type { Store } from '../store/store.ts';
import { SCHEMA_VERSION } from '../schema.ts';
import { openCsv } from './csv.ts';
import { syncDir, writeDurable } from './durable.ts';
import { openNdjson } from './ndjson.ts';
import { openParquet } from './parquet.ts';
import type { ExportFormat, OpenTable } from './table-writer.ts';

const OPEN: Record<ExportFormat, OpenTable> = { ndjson: openNdjson, csv: openCsv, parquet: openParquet };

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
  /** The feed's name: its format and absolute output folder. */
  feed: string;
  /** The batch folder written, or null when nothing changed since the last run. */
  batch: string | null;
  kind: 'full' | 'incremental';
  /** Change numbers exported: after < seq <= upTo. */
  after: number;
  upTo: number;
  filings: number;
  indicators: number;
  removed: number;
}

/** One cursor per format and output folder, so a trial run elsewhere never moves the nightly feed. */
export const feedName = (format: ExportFormat, out: string) => `${format}:${path.resolve(out)}`;

const pad = (n: number) => String(n).padStart(12, '0');
const TMP_PREFIX = '.tmp-';

export async function runExport(store: Store, opts: ExportOptions): Promise<ExportResult> {
  const feed = feedName(opts.format, opts.out);
  const kind = opts.full ? 'full' : 'incremental';
  const cursor = await store.exportCursor(feed);
  const after = opts.full ? 0 : cursor;
  const upTo = await store.lastChange();
  const result: ExportResult = { feed, batch: null, kind, after, upTo, filings: 0, indicators: 0, removed: 0 };
  if (!opts.full && upTo <= after) return result;

  const out = path.resolve(opts.out);
  await fs.mkdir(out, { recursive: true });
  await removeAbandoned(out);
  const name = opts.full ? `full-${pad(upTo)}` : `batch-${pad(after + 1)}-${pad(upTo)}`;
  const tmp = path.join(out, `${TMP_PREFIX}${name}-${process.pid}`);
  await fs.rm(tmp, { recursive: true, force: true });
  await fs.mkdir(tmp);
  try {
    const ext = opts.format;
    const open = OPEN[opts.format];
    const filings = await open(path.join(tmp, `filings.${ext}`), FEED_FILING_COLUMNS);
    const indicators = await open(path.join(tmp, `indicators.${ext}`), FEED_INDICATOR_COLUMNS);
    let from = after;
    for (;;) {
      const page = await store.feedPage(from, upTo, EXPORT_PAGE);
      await filings.write(page.filings);
      await indicators.write(page.indicators);
      result.filings += page.filings.length;
      result.indicators += page.indicators.length;
      if (page.filings.length < EXPORT_PAGE) break;
      from = page.filings[page.filings.length - 1].seq!;
    }
    await filings.close();
    await indicators.close();
    const tables: Record<string, { file: string; rows: number; columns: Record<string, string> }> = {
      filings: { file: `filings.${ext}`, rows: result.filings, columns: FEED_FILING_COLUMNS },
      indicators: { file: `indicators.${ext}`, rows: result.indicators, columns: FEED_INDICATOR_COLUMNS },
    };
    // A full batch is the whole store: whatever it lacks is gone, so it needs no list of removals.
    if (!opts.full) {
      const removals = await store.feedRemovals(after, upTo);
      const removed = await open(path.join(tmp, `removed.${ext}`), FEED_REMOVAL_COLUMNS);
      await removed.write(removals);
      await removed.close();
      result.removed = removals.length;
      tables.removed = { file: `removed.${ext}`, rows: result.removed, columns: FEED_REMOVAL_COLUMNS };
    }
    const manifest = { feed, kind, format: opts.format, schemaVersion: SCHEMA_VERSION, afterSeq: after, upToSeq: upTo, exportedAt: new Date().toISOString(), tables };
    await writeDurable(path.join(tmp, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    await syncDir(tmp);

    await opts.beforeRename?.(tmp);
    const target = path.join(out, name);
    // Only a run that crashed after its rename, before moving the cursor, leaves this: the same range.
    await fs.rm(target, { recursive: true, force: true });
    await fs.rename(tmp, target);
    await syncDir(out);
    result.batch = target;
  } catch (e) {
    await fs.rm(tmp, { recursive: true, force: true }).catch(() => {});
    throw e;
  }
  await store.moveExportCursor(feed, cursor, upTo);
  return result;
}

/** Temporary folders of runs that died (their process is gone): what they wrote is written again. */
async function removeAbandoned(out: string): Promise<void> {
  for (const entry of await fs.readdir(out)) {
    const m = entry.startsWith(TMP_PREFIX) ? /-(\d+)$/.exec(entry) : null;
    if (m && !alive(Number(m[1]))) await fs.rm(path.join(out, entry), { recursive: true, force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
