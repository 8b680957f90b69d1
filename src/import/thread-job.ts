// Runs the import job inside a worker thread, with a store and upload folder opened once per thread.
import { openStore } from '../store/open.ts';
import type { Store } from '../store/store.ts';
import { importFile, type JobInput, type JobResult } from './job.ts';
import { UploadStore } from './uploads.ts';

export interface ThreadTask {
  input: JobInput;
  db?: string;
  databaseUrl?: string;
  uploadsDir: string;
}

let opened: Promise<{ store: Store; uploads: UploadStore }> | undefined;

export async function runJobInThread(task: ThreadTask): Promise<JobResult> {
  // A store that failed to open (database locked, server down) is opened afresh on the next attempt.
  opened ??= openStore({ db: task.db, databaseUrl: task.databaseUrl }).then(
    (store) => ({ store, uploads: new UploadStore(task.uploadsDir) }),
    (e) => {
      opened = undefined;
      throw e;
    },
  );
  return importFile(task.input, await opened);
}
