// What a reader thread does with one file: read it, and turn whatever goes wrong into an answer.
// Nothing thrown crosses the thread boundary: a class is lost in structured cloning, and an error a
// library throws (a RangeError from deep recursion, a TypeError on a malformed part) is still a fact
// about this file, recorded like any other reason.
import { parentPort } from 'node:worker_threads';
import { asFilingError, type ErrorCode } from '../../parsers/index.ts';
import { readRecords, type FileResult } from '../read-records.ts';

export interface ReaderTask {
  id: number;
  bytes: Uint8Array;
  fileName: string;
}

export type ReaderAnswer = { ok: true; result: FileResult } | { ok: false; code: ErrorCode; message: string };

export async function readInThread(task: ReaderTask): Promise<ReaderAnswer> {
  // The deadline runs from here, not from when the task was queued (see reader-pool.ts).
  parentPort?.postMessage({ started: task.id });
  try {
    const bytes = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
    return { ok: true, result: await readRecords(bytes, task.fileName) };
  } catch (e) {
    const err = asFilingError(e);
    return { ok: false, code: err.code, message: err.message };
  }
}
