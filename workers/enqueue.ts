// `filings enqueue`: keep each file in the shared upload store and add one job per file, with the
// file's sha256 as job id, so adding the same file twice makes one job. The same bytes under another
// name or path add a small job of their own that records the name (`NAME_JOB`): a name is data about
// the file, and nothing a user gave is dropped.
import path from 'node:path';
import type { Queue } from 'bullmq';
import type { JobInput } from '../src/import/job.ts';
import { ioFailure, type PathFailure } from '../src/import/io-failure.ts';
import { readInputFile } from '../src/import/read-input.ts';
import { scan } from '../src/import/scan.ts';
import { sha256Of, type UploadStore } from '../src/import/uploads.ts';
import { NAME_JOB, nameJobId } from './name-job.ts';
import { addImportJob } from './queue.ts';

export interface EnqueueSummary {
  added: number;
  requeued: number;
  alreadyQueued: number;
  /** Files already queued or done whose bytes came under a name or path not seen before: the name is recorded. */
  newNames: number;
  skipped: number;
  /** Paths that could not be read (the walk's failures, and files unreadable when copied), with the reason. */
  failed: PathFailure[];
}

/**
 * Files are taken a window at a time: their jobs are added together, so that Redis answers several
 * at once instead of one round trip after another. A content seen earlier in the same window waits
 * until the window's first ones are added, and is then told apart by name as it would be one by one.
 */
const WINDOW = 16;

export async function enqueue(queue: Queue<JobInput>, paths: string[], uploads: UploadStore): Promise<EnqueueSummary> {
  const found = await scan(paths);
  const summary: EnqueueSummary = { added: 0, requeued: 0, alreadyQueued: 0, newNames: 0, skipped: found.skipped.length, failed: found.failed };
  for (let i = 0; i < found.files.length; i += WINDOW) {
    const firsts: JobInput[] = [];
    const repeats: JobInput[] = [];
    const contents = new Set<string>();
    for (const file of found.files.slice(i, i + WINDOW)) {
      const data = await take(file, uploads, summary);
      if (!data) continue;
      (contents.has(data.sha256) ? repeats : firsts).push(data);
      contents.add(data.sha256);
    }
    await Promise.all(firsts.map((data) => addOne(queue, data, summary)));
    for (const data of repeats) await addOne(queue, data, summary);
  }
  return summary;
}

/** Reads a file and keeps its bytes in the upload store; a file that cannot be read is a failure. */
async function take(file: string, uploads: UploadStore, summary: EnqueueSummary): Promise<JobInput | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readInputFile(file);
  } catch (e) {
    // The walk only looked at a form-named file's name; a worker could not read it either.
    summary.failed.push(ioFailure(file, e));
    return undefined;
  }
  const sha256 = sha256Of(bytes);
  await uploads.put(bytes, sha256);
  return { sha256, fileName: path.basename(file), path: file, size: bytes.length };
}

async function addOne(queue: Queue<JobInput>, data: JobInput, summary: EnqueueSummary): Promise<void> {
  const { did, existing } = await addImportJob(queue, data);
  if (did === 'requeued') summary.requeued++;
  else if (did === 'present') {
    summary.alreadyQueued++;
    if (existing && (existing.path !== data.path || existing.fileName !== data.fileName)) {
      // Its id says which name: the same name enqueued again makes no second job.
      const id = nameJobId(data);
      if (!(await queue.getJob(id))) {
        await queue.add(NAME_JOB, data, { jobId: id });
        summary.newNames++;
      }
    }
  } else summary.added++;
}
