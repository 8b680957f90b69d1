// `filings status`: how many jobs wait, run, completed or failed, and the last failures with reasons.
import type { Queue } from 'bullmq';
import type { JobInput } from '../src/import/job.ts';
import { oneLine } from '../src/text/one-line.ts';

export async function queueStatus(queue: Queue<JobInput>): Promise<string[]> {
  const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized');
  const lines = [
    `waiting ${c.waiting + (c.prioritized ?? 0)}, active ${c.active}, delayed ${c.delayed}, completed ${c.completed}, failed ${c.failed}`,
  ];
  for (const job of await queue.getFailed(0, 9)) lines.push(`  failed: ${oneLine(job.data.path)}: ${oneLine(job.failedReason)}`);
  return lines;
}
