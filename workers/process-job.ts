// The queue's job handler: the same import job as the embedded import, with the store opened once
// per child process. Bad input ends the job for good; anything thrown otherwise is retried.
import { UnrecoverableError, type SandboxedJob } from 'bullmq';
import { importFile, type JobInput, type JobResult } from '../src/import/job.ts';
import { UploadStore } from '../src/import/uploads.ts';
import { openStore } from '../src/store/open.ts';
import type { Store } from '../src/store/store.ts';

let store: Promise<Store> | undefined;

export async function processJob(job: SandboxedJob<JobInput>): Promise<JobResult> {
  // A store that failed to open (database locked, server down) is opened afresh on the next attempt.
  store ??= openStore({ db: process.env.FILINGS_DB, databaseUrl: process.env.DATABASE_URL }).catch((e) => {
    store = undefined;
    throw e;
  });
  const result = await importFile(job.data, { store: await store, uploads: new UploadStore() });
  if (result.status === 'failed') throw new UnrecoverableError(`${result.code}: ${result.message}`);
  return result;
}
