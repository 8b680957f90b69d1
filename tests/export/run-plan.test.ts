// Which batch a run writes. An incremental batch is only right when the warehouse already holds the
// feed up to the cursor and the store still holds everything up to there; otherwise a full snapshot.
import { describe, expect, it } from 'vitest';
import { planRun } from '../../src/export/run-plan.ts';

const last = (upToSeq: number) => ({ run: 3, kind: 'incremental' as const, afterSeq: 40, upToSeq });

describe('planRun', () => {
  it('writes the changes after the cursor, or nothing when there are none', () => {
    expect(planRun({ full: false, cursor: 52, lastChange: 55, last: last(52) })).toEqual({ kind: 'incremental', afterSeq: 52, upToSeq: 55, reason: null });
    expect(planRun({ full: false, cursor: 55, lastChange: 55, last: last(55) })).toBeNull();
  });

  it('starts a feed with a full snapshot: the first run, a folder with no batch yet, a store that never wrote to this folder', () => {
    expect(planRun({ full: false, cursor: 0, lastChange: 6, last: null })).toEqual({ kind: 'full', afterSeq: 0, upToSeq: 6, reason: 'new_feed' });
    // The cursor of the folder's earlier life (its batches moved away): a warehouse loading it starts from nothing.
    expect(planRun({ full: false, cursor: 52, lastChange: 55, last: null })).toMatchObject({ kind: 'full', upToSeq: 55, reason: 'new_feed' });
    expect(planRun({ full: false, cursor: 0, lastChange: 6, last: last(60) })).toMatchObject({ kind: 'full', reason: 'new_feed' });
    expect(planRun({ full: false, cursor: 0, lastChange: 0, last: null })).toBeNull();
    // An empty store pointed at a folder that delivered filings: the warehouse must end up empty too.
    expect(planRun({ full: false, cursor: 0, lastChange: 0, last: last(60) })).toEqual({ kind: 'full', afterSeq: 0, upToSeq: 0, reason: 'new_feed' });
  });

  it('writes a full snapshot when the store is behind what the folder delivered (restored from a backup)', () => {
    expect(planRun({ full: false, cursor: 50, lastChange: 50, last: last(60) })).toEqual({ kind: 'full', afterSeq: 0, upToSeq: 50, reason: 'store_behind' });
    expect(planRun({ full: false, cursor: 50, lastChange: 55, last: last(60) })).toMatchObject({ kind: 'full', reason: 'store_behind' });
  });

  it('covers again the range of a batch published by a run that died before moving the cursor', () => {
    expect(planRun({ full: false, cursor: 52, lastChange: 60, last: last(58) })).toEqual({ kind: 'incremental', afterSeq: 52, upToSeq: 60, reason: null });
  });

  it('writes a full snapshot when asked, even when nothing changed', () => {
    expect(planRun({ full: true, cursor: 55, lastChange: 55, last: last(55) })).toEqual({ kind: 'full', afterSeq: 0, upToSeq: 55, reason: 'asked' });
  });
});
