// Batch folder names are the loading order: sorting them as text must sort them by run, whatever the kind.
import { describe, expect, it } from 'vitest';
import { batchName, parseBatchName, type BatchId } from '../../src/export/batch-names.ts';

describe('batch folder names', () => {
  it('sort as text in run order, full snapshots and incremental batches in one sequence', () => {
    const runs: BatchId[] = [
      { run: 1, kind: 'incremental', afterSeq: 0, upToSeq: 52 },
      { run: 2, kind: 'incremental', afterSeq: 52, upToSeq: 53 },
      { run: 3, kind: 'full', afterSeq: 0, upToSeq: 54 },
      { run: 4, kind: 'incremental', afterSeq: 54, upToSeq: 55 },
      { run: 10, kind: 'full', afterSeq: 0, upToSeq: 1_000 },
      { run: 123_456, kind: 'incremental', afterSeq: 1_000, upToSeq: 99_999_999 },
    ];
    const names = runs.map(batchName);
    expect(names.slice(0, 4)).toEqual([
      '00000001-incr-000000000001-000000000052',
      '00000002-incr-000000000053-000000000053',
      '00000003-full-000000000054',
      '00000004-incr-000000000055-000000000055',
    ]);
    expect([...names].reverse().sort()).toEqual(names);
    expect(names.map(parseBatchName)).toEqual(runs);
  });

  it('refuse a number too wide for its field rather than write a name that sorts out of order', () => {
    expect(() => batchName({ run: 100_000_000, kind: 'full', afterSeq: 0, upToSeq: 1 })).toThrow(/8 digits/);
  });

  it('are told apart from anything else in a feed folder', () => {
    for (const other of ['feed.json', '.tmp-00000001-full-000000000006', '.lock-12-ab', 'batch-000000000001-000000000052', 'full-000000000054', '00000001-full-6']) {
      expect(parseBatchName(other)).toBeNull();
    }
  });
});
