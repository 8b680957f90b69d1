// `filings enqueue`: keep each file in the shared upload store and add one job per file, with the
// file's sha256 as job id, so adding the same file twice makes one job.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Queue } from 'bullmq';
import type { JobInput } from '../src/import/job.ts';
import { scan } from '../src/import/scan.ts';
import { sha256Of, UploadStore } from '../src/import/uploads.ts';

export interface EnqueueSummary {
  added: number;
  requeued: number;
  alreadyQueued: number;
  skipped: number;
  missing: string[];
}

export async function enqueue(queue: Queue<JobInput>, paths: string[], uploads: UploadStore): Promise<EnqueueSummary> {
  const found = await scan(paths);
  const summary: EnqueueSummary = { added: 0, requeued: 0, alreadyQueued: 0, skipped: found.skipped.length, missing: found.missing.map((m) => m.path) };
  for (const file of found.files) {
    const bytes = await fs.readFile(file);
    const sha256 = sha256Of(bytes);
    await uploads.put(bytes, sha256);
    const data: JobInput = { sha256, fileName: path.basename(file), path: file, size: bytes.length };
    const existing = await queue.getJob(sha256);
    const state = existing ? await existing.getState() : undefined;
    if (existing && state === 'failed') {
      // BullMQ ignores an add whose id it still holds: a failed job (fixed since, say) is retried instead.
      await existing.updateData(data);
      await existing.retry('failed');
      summary.requeued++;
    } else if (existing && state !== 'unknown') {
      summary.alreadyQueued++;
    } else {
      await queue.add('import', data, { jobId: sha256 });
      summary.added++;
    }
  }
  return summary;
}
