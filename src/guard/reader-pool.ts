// Every file is read in a thread of its own heap size and under a deadline, so that no file, however
// made, can hang or crash what reads it: a thread past its deadline is terminated, one past its heap
// dies alone, and either is replaced while the file fails with the limit it broke. This is where
// `filings parse`, the embedded import and the queue worker all read, so the limits hold everywhere.
import os from 'node:os';
import { Piscina } from 'piscina';
import { FilingError } from '../../parsers/errors.ts';
import type { FileResult } from '../read-records.ts';
import { describeMemory, describeTimeout, readLimits, type ReadLimits } from './limits.ts';
import type { ReaderAnswer, ReaderTask } from './reader-task.ts';
import { ThreadGate } from './thread-gate.ts';

export interface ReaderPool {
  /** The file's records, or a FilingError saying why not; other errors only when the pool is closing. */
  read(bytes: Buffer, fileName: string): Promise<FileResult>;
  close(): Promise<void>;
  readonly limits: ReadLimits;
  readonly threads: number;
}

// Compiled, this module is reader-pool.js beside reader-thread.js; run as TypeScript, its thread needs tsx.
const compiled = import.meta.url.endsWith('.js');

export function createReaderPool(opts: { threads?: number; limits?: ReadLimits } = {}): ReaderPool {
  const limits = opts.limits ?? readLimits();
  const threads = Math.max(1, opts.threads ?? os.availableParallelism());
  const pool = new Piscina<ReaderTask, ReaderAnswer>({
    filename: new URL(compiled ? './reader-thread.js' : './reader-thread-tsx.mjs', import.meta.url).href,
    // One thread at start, more as files wait for one, and files wait for one only once the gate
    // (thread-gate.ts) lets several in at once: a command reading a few files starts one thread, a
    // long import grows to all of them and keeps them.
    minThreads: 1,
    maxThreads: threads,
    idleTimeout: 30_000,
    resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb },
  });
  // A thread that dies between tasks has no task to fail; piscina replaces it, nothing to tell.
  pool.on('error', () => {});
  // The deadline starts when a thread takes the file, so time spent queued or waiting for a
  // replacement thread to boot never counts against it.
  const onStart = new Map<number, () => void>();
  pool.on('message', (m: { started?: unknown }) => {
    if (typeof m?.started === 'number') onStart.get(m.started)?.();
  });
  let nextId = 0;
  let closing = false;
  const gate = new ThreadGate(threads);

  return {
    limits,
    threads,
    async read(bytes, fileName) {
      const pass = await gate.enter();
      const id = ++nextId;
      const abort = new AbortController();
      let timer: NodeJS.Timeout | undefined;
      onStart.set(id, () => {
        pass.started();
        timer = setTimeout(() => abort.abort(), limits.timeoutMs);
      });
      try {
        const copy = new Uint8Array(bytes); // its own buffer, moved (not copied again) to the thread
        const answer = await pool.run({ id, bytes: copy, fileName }, { signal: abort.signal, transferList: [copy.buffer] });
        if (answer.ok) return answer.result;
        throw new FilingError(answer.code, answer.message);
      } catch (e) {
        if (e instanceof FilingError) throw e;
        if (abort.signal.aborted) throw new FilingError('timeout', describeTimeout(limits.timeoutMs));
        if ((e as NodeJS.ErrnoException)?.code === 'ERR_WORKER_OUT_OF_MEMORY') throw new FilingError('memory_limit', describeMemory(limits.memoryMb));
        if (closing) throw e;
        // The thread died under this file some other way (a library's native crash, an exit call).
        throw new FilingError('unreadable', `the reader stopped on this file (${(e as Error)?.message ?? String(e)})`);
      } finally {
        clearTimeout(timer);
        onStart.delete(id);
        pass.leave();
      }
    },
    async close() {
      closing = true;
      gate.open(); // reads still waiting at the gate fail as the pool closes rather than wait forever
      await pool.destroy();
    },
  };
}
