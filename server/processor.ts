// Who reads an uploaded file: BullMQ workers when REDIS_URL is set (the `filings worker` processes,
// anywhere), else a pool in this process. Both run the one import job (src/import/job.ts) under the
// reader's limits, so a file reads the same whichever way it went.
import os from 'node:os';
import type { Queue } from 'bullmq';
import { createReaderPool } from '../src/guard/reader-pool.ts';
import { importFile, type JobInput } from '../src/import/job.ts';
import type { UploadStore } from '../src/import/uploads.ts';
import type { Store } from '../src/store/store.ts';
import { oneLine } from '../src/text/one-line.ts';

export type InFlight = 'queued' | 'processing';

export interface UploadProcessor {
  readonly kind: 'local' | 'queue';
  submit(input: JobInput): Promise<void>;
  /** Whether the file is waiting or being read; null once done (the store says how it went) or never seen. */
  state(sha256: string): Promise<InFlight | null>;
  /** A failure that is not the file's fault (the store unreachable), as the user should read it; null if none. */
  trouble(sha256: string): string | null;
  close(): Promise<void>;
}

/** In this process: at most `threads` files at once, the rest wait in order. */
export function localProcessor(store: Store, uploads: UploadStore, threads = Math.max(1, os.availableParallelism())): UploadProcessor {
  const pool = createReaderPool({ threads });
  const states = new Map<string, InFlight>();
  const troubles = new Map<string, string>();
  const waiting: JobInput[] = [];
  let running = 0;
  const pump = () => {
    while (running < threads && waiting.length) {
      const input = waiting.shift()!;
      running++;
      states.set(input.sha256, 'processing');
      importFile(input, { store, uploads, read: (b, n) => pool.read(b, n) })
        .catch((e: unknown) => {
          // The file is kept; the store could not take it. Said to the uploader, logged for the admin.
          const message = e instanceof Error ? e.message : String(e);
          troubles.set(input.sha256, `服务器暂时无法保存（${oneLine(message).slice(0, 200)}），请稍后重新上传`);
          process.stderr.write(`filings serve: ${oneLine(input.fileName)}: ${oneLine(message)}\n`);
        })
        .finally(() => {
          states.delete(input.sha256);
          running--;
          pump();
        });
    }
  };
  return {
    kind: 'local',
    async submit(input) {
      if (states.has(input.sha256)) return;
      troubles.delete(input.sha256);
      states.set(input.sha256, 'queued');
      waiting.push(input);
      pump();
    },
    async state(sha256) {
      return states.get(sha256) ?? null;
    },
    trouble: (sha256) => troubles.get(sha256) ?? null,
    async close() {
      await pool.close();
    },
  };
}

/** Through the queue: a job per content (its sha256 is the job id), read by `filings worker`. */
export function queueProcessor(queue: Queue<JobInput>): UploadProcessor {
  return {
    kind: 'queue',
    async submit(input) {
      // As `filings enqueue` adds it; loaded here, so that a serve without Redis never loads BullMQ.
      const { addImportJob } = await import('../workers/queue.ts');
      await addImportJob(queue, input);
    },
    async state(sha256) {
      const job = await queue.getJob(sha256);
      const state = job ? await job.getState() : 'unknown';
      if (state === 'active') return 'processing';
      if (state === 'waiting' || state === 'delayed' || state === 'prioritized' || state === 'waiting-children') return 'queued';
      return null;
    },
    trouble: () => null,
    async close() {
      await queue.close();
    },
  };
}
