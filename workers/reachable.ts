// Waits for a queue's Redis connection, up to a deadline, and says why it failed. BullMQ waits for
// Redis forever by design (its commands wait for the connection to be ready, whatever ioredis'
// enableOfflineQueue says): enqueue and status wait here instead, before they touch anything.
import { isNotConnectionError, type QueueBase } from 'bullmq';
import { redisLocation } from './connection.ts';
import { QueueError } from './errors.ts';

const DEADLINE_MS = 5000;

export async function whenReachable(queue: QueueBase, deadlineMs = DEADLINE_MS): Promise<void> {
  // The connection's own error (ECONNREFUSED, ENOTFOUND, WRONGPASS…) says more than our deadline.
  let last: Error | undefined;
  const remember = (e: Error) => {
    last = e;
  };
  queue.on('error', remember);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${deadlineMs / 1000} s`)), deadlineMs);
  });
  try {
    await Promise.race([queue.waitUntilReady(), deadline]);
  } catch (e) {
    throw new QueueError('redis_unreachable', `cannot reach Redis at ${redisLocation()} (${(last ?? (e as Error)).message})`);
  } finally {
    clearTimeout(timer);
    queue.off('error', remember);
  }
}

/** A command that failed because Redis went away after answering, as a QueueError; else undefined. */
export function lostRedis(e: unknown): QueueError | undefined {
  if (!(e instanceof Error) || (e.name !== 'MaxRetriesPerRequestError' && isNotConnectionError(e))) return undefined;
  return new QueueError('redis_lost', `lost Redis at ${redisLocation()} (${e.message})`);
}
