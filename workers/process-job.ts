// The queue's job handler: the same import job as the embedded import, reading on the worker's pool of
// reader threads (so parsing never blocks lock renewal, and each file runs under the per-file limits),
// with the store opened once per worker. Bad input ends the job for good; anything else is retried.
import { UnrecoverableError, type Job } from 'bullmq';
import type { ReaderPool } from '../src/guard/reader-pool.ts';
import { importFile, type JobInput, type JobResult } from '../src/import/job.ts';
import { UploadStore } from '../src/import/uploads.ts';
import { openStore } from '../src/store/open.ts';
import type { Store } from '../src/store/store.ts';
import { NAME_JOB, recordName } from './name-job.ts';

export interface JobProcessor {
  (job: Job<JobInput>): Promise<JobResult>;
  close(): Promise<void>;
}

export function jobProcessor(readers: ReaderPool): JobProcessor {
  let store: Promise<Store> | undefined;
  const uploads = new UploadStore();
  const process = async (job: Job<JobInput>): Promise<JobResult> => {
    // A store that failed to open (database locked, server down) is opened afresh on the next attempt.
    store ??= openStore({ db: globalThis.process.env.FILINGS_DB, databaseUrl: globalThis.process.env.DATABASE_URL }).catch((e) => {
      store = undefined;
      throw e;
    });
    if (job.name === NAME_JOB) {
      await recordName(await store, job.data);
      return { status: 'present', forms: 0 };
    }
    const result = await importFile(job.data, { store: await store, uploads, read: readers.read });
    if (result.status === 'failed') throw new UnrecoverableError(`${result.code}: ${result.message}`);
    return result;
  };
  return Object.assign(process, {
    async close() {
      const opened = await store?.catch(() => undefined);
      await opened?.close();
    },
  });
}
