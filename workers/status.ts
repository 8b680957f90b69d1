// `filings status`: how many jobs wait, run, completed or failed, and the last failures with reasons.
import type { Queue } from 'bullmq';
import type { JobInput } from '../src/import/job.ts';
import { oneLine } from '../src/text/one-line.ts';

export interface QueueStatus {
  counts: { waiting: number; active: number; delayed: number; completed: number; failed: number };
  /** The last failed jobs (up to 10), newest first. */
  failures: { path: string; reason: string }[];
}

export async function queueState(queue: Queue<JobInput>): Promise<QueueStatus> {
  const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized');
  return {
    counts: { waiting: c.waiting + (c.prioritized ?? 0), active: c.active, delayed: c.delayed, completed: c.completed, failed: c.failed },
    failures: (await queue.getFailed(0, 9)).map((job) => ({ path: job.data.path, reason: job.failedReason })),
  };
}

export function queueStatusLines(s: QueueStatus): string[] {
  const c = s.counts;
  const lines = [`waiting ${c.waiting}, active ${c.active}, delayed ${c.delayed}, completed ${c.completed}, failed ${c.failed}`];
  for (const f of s.failures) lines.push(`  failed: ${oneLine(f.path)}: ${oneLine(f.reason)}`);
  return lines;
}
