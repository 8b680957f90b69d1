// Where an uploaded file is: waiting or being read (the processor knows), stored with its forms, or
// failed with the reason (the store knows). The same bytes uploaded twice are one upload.
import type { Store } from '../src/store/store.ts';
import type { UploadProcessor } from './processor.ts';

export interface UploadStatus {
  sha256: string;
  file: string;
  status: 'queued' | 'processing' | 'stored' | 'failed';
  reason?: string;
  filingIds: string[];
}

export async function uploadStatus(store: Store, processor: UploadProcessor, sha256: string, file: string): Promise<UploadStatus> {
  const base = { sha256, file, filingIds: [] as string[] };
  const inFlight = await processor.state(sha256);
  if (inFlight) return { ...base, status: inFlight };
  const trouble = processor.trouble(sha256);
  if (trouble) return { ...base, status: 'failed', reason: trouble };
  const ids = await store.filingIdsOf(sha256);
  if (ids.length) return { ...base, status: 'stored', filingIds: ids };
  const failure = (await store.failures()).find((f) => f.sha256 === sha256);
  if (failure) return { ...base, status: 'failed', reason: failure.message };
  // Kept and handed on, not read yet: a queue worker has still to take it.
  return { ...base, status: 'queued' };
}
