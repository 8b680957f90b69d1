// What one run of a feed writes: an incremental batch from the cursor on, a full snapshot, or nothing.
// A full snapshot is written when asked for, and whenever an incremental batch could not be trusted to
// bring the warehouse to the store's state: the folder holds no batch yet (a warehouse loading it
// starts from nothing), or the store has no cursor for this folder (the folder was moved, or this is
// another store), or the store is behind what the folder already delivered (restored from a backup:
// rows the warehouse holds may be gone with no removal recorded).
import type { BatchId, BatchKind } from './batch-names.ts';

export type FullReason = 'asked' | 'new_feed' | 'store_behind';

export interface RunPlan {
  kind: BatchKind;
  afterSeq: number;
  upToSeq: number;
  /** Why a full snapshot; null for an incremental batch. */
  reason: FullReason | null;
}

export interface RunState {
  full: boolean;
  /** The feed's cursor in the store: 0 when the store never exported to this folder. */
  cursor: number;
  /** The store's last change number now. */
  lastChange: number;
  /** The newest batch already in the folder. */
  last: BatchId | null;
}

/** The batch to write, or null when there is nothing new since the last run. */
export function planRun(s: RunState): RunPlan | null {
  const full = (reason: FullReason): RunPlan => ({ kind: 'full', afterSeq: 0, upToSeq: s.lastChange, reason });
  if (s.full) return full('asked');
  // Nothing stored and nothing delivered: wait for the first filing; that run starts with a snapshot.
  if (s.lastChange === 0 && s.last === null) return null;
  if (s.cursor === 0 || s.last === null) return full('new_feed');
  if (s.lastChange < Math.max(s.cursor, s.last.upToSeq)) return full('store_behind');
  if (s.lastChange === s.cursor) return null;
  return { kind: 'incremental', afterSeq: s.cursor, upToSeq: s.lastChange, reason: null };
}
