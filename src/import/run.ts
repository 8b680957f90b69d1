// The embedded import: files and folders → upload store → the import job, its reading on a pool of
// reader threads (one per core, each file under a deadline and a memory ceiling) → the store.
// Resumable (stored files are skipped by content) and interruptible.
import path from 'node:path';
import type { ErrorCode } from '../../parsers/errors.ts';
import { createReaderPool } from '../guard/reader-pool.ts';
import type { ReadLimits } from '../guard/limits.ts';
import { openStore } from '../store/open.ts';
import type { UploadInfo } from '../store/store.ts';
import { importFile, type JobInput, type JobResult } from './job.ts';
import { ioFailure } from './io-failure.ts';
import { readInputFile } from './read-input.ts';
import { scan } from './scan.ts';
import { sha256Of, UploadStore } from './uploads.ts';

export interface ImportOptions {
  db?: string;
  databaseUrl?: string;
  uploadsDir?: string;
  threads?: number;
  /** Per-file deadline and memory ceiling (default: FILINGS_FILE_TIMEOUT_S, FILINGS_FILE_MEMORY_MB). */
  readLimits?: ReadLimits;
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
  /** Read stored originals again (reparse) instead of files on disk. */
  reparse?: 'all' | 'failed';
}

export interface ImportProgress {
  total: number;
  done: number;
  file: string;
  result: JobResult['status'];
}

export interface ImportSummary {
  files: number;
  skipped: number;
  storedFiles: number;
  storedForms: number;
  writtenForms: number;
  present: number;
  failed: { path: string; code: ErrorCode; message: string }[];
  interrupted: boolean;
  seconds: number;
  messages: { path: string; message: string }[];
}

const RETRIES = 3;

export async function runImport(paths: string[], opts: ImportOptions = {}): Promise<ImportSummary> {
  const started = performance.now();
  const uploads = new UploadStore(opts.uploadsDir);
  // A reparse reads what an import stored: with no store there is nothing to read, and none is made.
  const store = await openStore({ db: opts.db, databaseUrl: opts.databaseUrl }, opts.reparse ? 'upgrade' : 'create');
  const summary: ImportSummary = {
    files: 0, skipped: 0, storedFiles: 0, storedForms: 0, writtenForms: 0, present: 0, failed: [], interrupted: false, seconds: 0, messages: [],
  };
  const readers = createReaderPool({ threads: opts.threads, limits: opts.readLimits });
  const deps = { store, uploads, read: readers.read };
  try {
    let jobs: AsyncIterable<JobInput | { path: string; copy: UploadInfo } | { path: string; failure: { code: ErrorCode; message: string } }>;
    let total: number;
    if (opts.reparse) {
      const stored = await store.uploads(opts.reparse);
      total = stored.length;
      jobs = (async function* () {
        for (const u of stored) yield { ...u, replace: true };
      })();
    } else {
      const found = await scan(paths);
      summary.skipped = found.skipped.length;
      for (const f of found.failed) {
        await store.recordFailure({ ...f, sha256: null });
        summary.failed.push(f);
      }
      total = found.files.length;
      jobs = prepare(found.files, uploads);
    }
    summary.files = total;
    let done = 0;
    const inFlight = new Set<Promise<void>>();
    const firstOf = new Map<string, Promise<void>>();
    for await (const job of jobs) {
      if (opts.signal?.aborted) {
        summary.interrupted = true;
        break;
      }
      const task = (async () => {
        let result: JobResult;
        if ('copy' in job) {
          // Its name is recorded after the first file of these bytes is stored, whose name stays the upload's.
          await firstOf.get(job.copy.sha256)?.catch(() => {});
          result = await withRetries(() => store.recordUpload(job.copy)).then(
            () => ({ status: 'present' as const, forms: 0 }),
            (e: Error) => ({ status: 'failed' as const, code: 'unreadable' as const, message: `could not be stored: ${e.message}` }),
          );
        } else if ('failure' in job) {
          await store.recordFailure({ path: job.path, sha256: null, ...job.failure });
          result = { status: 'failed', ...job.failure };
        } else {
          result = await withRetries(() => importFile(job, deps)).catch((e: Error) => ({
            status: 'failed' as const,
            code: 'unreadable' as const,
            message: `could not be stored: ${e.message}`,
          }));
        }
        tally(summary, job.path, result);
        opts.onProgress?.({ total, done: ++done, file: job.path, result: result.status });
      })();
      inFlight.add(task);
      if ('sha256' in job) firstOf.set(job.sha256, task);
      task.finally(() => inFlight.delete(task));
      // Enough files in hand to keep every reader busy while the store writes the last one.
      if (inFlight.size >= readers.threads * 2) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    if (opts.signal?.aborted) summary.interrupted = true;
  } finally {
    await readers.close();
    await store.close();
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

/** Reads, hashes and keeps each file's bytes; a file that can't be read fails alone, unread if too large. */
async function* prepare(files: string[], uploads: UploadStore) {
  const seen = new Set<string>();
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = await readInputFile(file);
    } catch (e) {
      const { code, message } = ioFailure(file, e);
      yield { path: file, failure: { code, message } };
      continue;
    }
    const sha256 = sha256Of(bytes);
    const upload: UploadInfo = { sha256, fileName: path.basename(file), path: file, size: bytes.length };
    // The same content twice in one run (a copy under another name) is read once.
    if (seen.has(sha256)) {
      yield { path: file, copy: upload };
      continue;
    }
    seen.add(sha256);
    await uploads.put(bytes, sha256);
    yield upload satisfies JobInput;
  }
}

async function withRetries<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (e) {
      if (attempt >= RETRIES) throw e;
      await new Promise((r) => setTimeout(r, 200 * 2 ** attempt));
    }
  }
}

function tally(summary: ImportSummary, file: string, result: JobResult): void {
  if (result.status === 'stored') {
    summary.storedFiles++;
    summary.storedForms += result.forms;
    summary.writtenForms += result.written;
    for (const message of result.messages) summary.messages.push({ path: file, message });
  } else if (result.status === 'present') summary.present++;
  else summary.failed.push({ path: file, code: result.code, message: result.message });
}
