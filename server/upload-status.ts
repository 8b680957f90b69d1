// Where an uploaded file is: waiting or being read (the processor knows), stored with its forms, or
// failed with the reason (the store knows). The same bytes uploaded twice are one upload.
import type { FailureRow, Store } from '../src/store/store.ts';
import type { UploadProcessor } from './processor.ts';

export interface UploadStatus {
  sha256: string;
  file: string;
  status: 'queued' | 'processing' | 'stored' | 'failed';
  /** Why a failed upload failed, for programs: the reader's error code, or store_unavailable. */
  code?: string;
  reason?: string;
  filingIds: string[];
}

/**
 * failures: the store's failures by sha256, when the caller asks about many uploads at once
 * (read once, not once per upload).
 */
export async function uploadStatus(store: Store, processor: UploadProcessor, sha256: string, file: string, failures?: Failures): Promise<UploadStatus> {
  const base = { sha256, file, filingIds: [] as string[] };
  const inFlight = await processor.state(sha256);
  if (inFlight) return { ...base, status: inFlight };
  const trouble = processor.trouble(sha256);
  if (trouble) return { ...base, status: 'failed', code: 'store_unavailable', reason: trouble };
  const ids = await store.filingIdsOf(sha256);
  if (ids.length) return { ...base, status: 'stored', filingIds: ids };
  const failure = (failures ?? (await failureReasons(store))).get(sha256);
  if (failure) return { ...base, status: 'failed', code: failure.code, reason: failure.message };
  // Kept and handed on, not read yet: a queue worker has still to take it.
  return { ...base, status: 'queued' };
}

type Failures = Map<string, Pick<FailureRow, 'code' | 'message'>>;

export async function failureReasons(store: Store): Promise<Failures> {
  const reasons: Failures = new Map();
  for (const f of await store.failures()) if (f.sha256) reasons.set(f.sha256, { code: f.code, message: f.message });
  return reasons;
}
