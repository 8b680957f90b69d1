// The import job: one uploaded file → records in the store, or a failure row with its reason.
// The embedded import (worker threads) and the queue worker (BullMQ) both run exactly this.
import { FilingError } from '../../parsers/errors.ts';
import type { FileResult } from '../read-records.ts';
import type { Store, UploadInfo } from '../store/store.ts';
import type { UploadStore } from './uploads.ts';

export interface JobInput extends UploadInfo {
  /** Read again and rewrite stored records (filings reparse). */
  replace?: boolean;
}

export type JobResult =
  | {
      status: 'stored';
      forms: number;
      written: number;
      messages: string[];
      /** Forms with a known money field whose value is not an amount (kept as text in project.extras). */
      formsWithUnreadableAmounts: number;
    }
  | { status: 'present'; forms: number }
  | { status: 'failed'; code: FilingError['code']; message: string };

export interface JobDeps {
  store: Store;
  uploads: UploadStore;
  /** Bytes → records under the per-file limits (a ReaderPool's read): every reason a file can't be read comes back as a FilingError. */
  read: (bytes: Buffer, fileName: string) => Promise<FileResult>;
}

/**
 * Bad input (a FilingError, whatever the reader hit: a damaged part, a deadline, a memory ceiling) is
 * an answer, not an error: it is recorded and returned as `failed`. Only what the store or the upload
 * folder throws (database busy, disk full) is transient and left to the caller to retry.
 */
export async function importFile(input: JobInput, deps: JobDeps): Promise<JobResult> {
  const { store, uploads } = deps;
  // One write per file where it can be: saveRecords records the upload in its own transaction, so
  // only the paths that store no records write the upload row apart (writers queue up in SQLite).
  if (!input.replace && (await store.isStored(input.sha256))) {
    await store.recordUpload(input);
    return { status: 'present', forms: 0 };
  }
  const bytes = await uploads.get(input.sha256);
  let result: FileResult;
  try {
    result = await deps.read(bytes, input.fileName);
  } catch (e) {
    if (!(e instanceof FilingError)) throw e;
    // A reparse reads a stored upload again: no new name to record, and its last import stays when it was.
    if (!input.replace) await store.recordUpload(input);
    await store.recordFailure({ path: input.path, sha256: input.sha256, code: e.code, message: e.message });
    return { status: 'failed', code: e.code, message: e.message };
  }
  const saved = await store.saveRecords(input, result.records, { replace: input.replace });
  return {
    status: 'stored',
    forms: result.records.length,
    written: saved.written,
    messages: result.messages.map((m) => `${m.level}: ${m.message}`),
    formsWithUnreadableAmounts: new Set(result.unreadableAmounts.map((u) => u.formIndex)).size,
  };
}
