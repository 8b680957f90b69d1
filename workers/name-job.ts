// The job that records one more name of a file already queued: the same bytes enqueued under another
// name or path. It needs the file's own import to have recorded the upload first (so that the first
// name stays the upload's); until then it fails as transient and is retried with backoff.
import { createHash } from 'node:crypto';
import type { JobInput } from '../src/import/job.ts';
import type { Store } from '../src/store/store.ts';

export const NAME_JOB = 'name';

/** One job per file, name and path (BullMQ ids may not hold ':'). */
export const nameJobId = (data: JobInput) =>
  `name-${data.sha256}-${createHash('sha256').update(`${data.path}\u0000${data.fileName}`).digest('hex').slice(0, 32)}`;

export class UploadNotYetStored extends Error {
  constructor(sha256: string) {
    super(`the file ${sha256.slice(0, 12)}… is not imported yet; its name is recorded once it is`);
    this.name = 'UploadNotYetStored';
  }
}

export async function recordName(store: Store, data: JobInput): Promise<void> {
  if ((await store.fileNames(data.sha256)).length === 0) throw new UploadNotYetStored(data.sha256);
  await store.recordUpload(data);
}
