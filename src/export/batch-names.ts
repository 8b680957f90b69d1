// The names of batch folders are the feed's loading order: a warehouse loads them sorted by name, so
// the name starts with the run number, one sequence for full snapshots and incremental batches alike,
// zero-padded so that name order is the order the runs were taken. The kind and the range of change
// numbers follow, for people; the manifest says the same for programs.
export type BatchKind = 'full' | 'incremental';

export interface BatchId {
  run: number;
  kind: BatchKind;
  /** The batch holds changes after this number (0 for a full snapshot)… */
  afterSeq: number;
  /** …up to and including this one. */
  upToSeq: number;
}

const RUN_DIGITS = 8;
const SEQ_DIGITS = 12;
const PATTERN = /^(\d{8})-(?:full-(\d{12})|incr-(\d{12})-(\d{12}))$/;

function pad(n: number, digits: number): string {
  const s = String(n);
  // A wider number would sort before smaller ones and break the loading order: refuse instead.
  if (!Number.isSafeInteger(n) || n < 0 || s.length > digits) throw new Error(`batch name: ${n} does not fit in ${digits} digits`);
  return s.padStart(digits, '0');
}

export function batchName(b: BatchId): string {
  const run = pad(b.run, RUN_DIGITS);
  return b.kind === 'full'
    ? `${run}-full-${pad(b.upToSeq, SEQ_DIGITS)}`
    : `${run}-incr-${pad(b.afterSeq + 1, SEQ_DIGITS)}-${pad(b.upToSeq, SEQ_DIGITS)}`;
}

/** The batch a folder name stands for, or null for any other name. */
export function parseBatchName(name: string): BatchId | null {
  const m = PATTERN.exec(name);
  if (!m) return null;
  const run = Number(m[1]);
  return m[2] !== undefined
    ? { run, kind: 'full', afterSeq: 0, upToSeq: Number(m[2]) }
    : { run, kind: 'incremental', afterSeq: Number(m[3]) - 1, upToSeq: Number(m[4]) };
}
