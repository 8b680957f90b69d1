// A feed folder holds one feed: one format, one sequence of runs. Its feed.json, written by the first
// export into the folder, says which format and which runs; any later export into the folder checks it
// first, so a second format can never overwrite the first one's batches while that feed's cursor says
// they were delivered. Batches are written under a hidden name and renamed into place when complete.
import fs from 'node:fs/promises';
import path from 'node:path';
import { batchName, parseBatchName, type BatchId } from './batch-names.ts';
import { readTextIfAny, replaceDurable, syncDir } from './durable.ts';
import { FeedError } from './errors.ts';
import { lockFolder } from './folder-lock.ts';
import type { ExportFormat } from './table-writer.ts';

export const FEED_FILE = 'feed.json';
/** 2: run-numbered batch folders, JSON columns, timestamps with a time zone. 1 had batch-/full- folders. */
export const FEED_VERSION = 2;
const TMP_PREFIX = '.tmp-';

export interface LastBatch extends BatchId {
  name: string;
  exportedAt: string;
}

/** feed.json. */
export interface FeedFile {
  feedVersion: number;
  format: ExportFormat;
  createdAt: string;
  /** The newest batch renamed into place, or null before the first. */
  lastBatch: LastBatch | null;
}

export interface FeedFolder {
  dir: string;
  /** The newest batch in the folder (by feed.json, or by the folder names when a run died before noting it). */
  last: BatchId | null;
  /** Where the batch is written until it is complete; hidden, so loaders never see it. */
  tmpPath(name: string): string;
  /** Makes a complete batch visible under its name and notes it in feed.json. */
  publish(tmp: string, batch: BatchId, exportedAt: string): Promise<string>;
  release(): Promise<void>;
}

/** Opens (or starts) the feed in `out` for `format`, holding the folder's lock until release(). */
export async function openFeedFolder(out: string, format: ExportFormat): Promise<FeedFolder> {
  const dir = path.resolve(out);
  const release = await writable(dir, async () => {
    await fs.mkdir(dir, { recursive: true });
    return lockFolder(dir);
  });
  try {
    const feedFile = path.join(dir, FEED_FILE);
    const entries = await fs.readdir(dir);
    let state = await readFeedFile(feedFile);
    if (state === null) {
      const visible = entries.filter((e) => !e.startsWith('.'));
      if (visible.length > 0) {
        const legacy = visible.some((e) => /^(batch|full)-\d{12}/.test(e));
        throw new FeedError(
          'not_a_feed',
          legacy
            ? `${dir} holds batches of the old layout (batch-…, full-…), whose names do not sort in the order they were taken; export to a new folder (its first run is a full snapshot)`
            : `${dir} is not empty and holds no ${FEED_FILE}: not a feed folder; give a new or empty folder`,
        );
      }
      state = { feedVersion: FEED_VERSION, format, createdAt: new Date().toISOString(), lastBatch: null };
      await writable(dir, () => writeFeedFile(dir, state!));
    } else if (state.format !== format) {
      throw new FeedError(
        'other_feed',
        `${dir} holds the ${state.format} feed (${FEED_FILE}); one folder holds one feed: write ${format} to another folder`,
      );
    } else if (state.feedVersion !== FEED_VERSION) {
      throw new FeedError('other_feed', `${dir} holds a feed of version ${state.feedVersion} (${FEED_FILE}), this is version ${FEED_VERSION}: export to a new folder`);
    }
    // Only one run at a time holds the lock, so any temporary folder left belongs to a run that died.
    for (const e of entries) if (e.startsWith(TMP_PREFIX)) await fs.rm(path.join(dir, e), { recursive: true, force: true });

    const named = entries.map(parseBatchName).filter((b): b is BatchId => b !== null);
    const last = [state.lastBatch, ...named].reduce<BatchId | null>((a, b) => (b && (!a || b.run > a.run) ? b : a), null);
    const current = state;
    return {
      dir,
      last,
      tmpPath: (name) => path.join(dir, `${TMP_PREFIX}${name}`),
      async publish(tmp, batch, exportedAt) {
        const name = batchName(batch);
        const target = path.join(dir, name);
        await fs.rename(tmp, target);
        await syncDir(dir);
        current.lastBatch = { name, ...batch, exportedAt };
        await writeFeedFile(dir, current);
        return target;
      },
      release,
    };
  } catch (e) {
    await release();
    throw e;
  }
}

async function readFeedFile(file: string): Promise<FeedFile | null> {
  const text = await readTextIfAny(file);
  if (text === null) return null;
  try {
    const v = JSON.parse(text) as FeedFile;
    if (typeof v.format === 'string' && typeof v.feedVersion === 'number') return v;
  } catch {
    // reported below
  }
  throw new FeedError('bad_feed_file', `${file} is not a feed file (JSON with format and feedVersion); fix or remove it`);
}

async function writeFeedFile(dir: string, state: FeedFile): Promise<void> {
  await replaceDurable(path.join(dir, FEED_FILE), `${JSON.stringify(state, null, 2)}\n`);
  await syncDir(dir);
}

const UNWRITABLE = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST', 'ENOSPC', 'EDQUOT']);

/** Runs a step that creates something in the folder; the ways a folder can refuse become FeedError `unwritable`. */
async function writable<T>(dir: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code && UNWRITABLE.has(code)) throw new FeedError('unwritable', `cannot write to ${dir}: ${(e as Error).message}`);
    throw e;
  }
}
