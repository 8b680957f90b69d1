// Redis for the queue: REDIS_URL (redis://[:password@]host:port[/db]). Passed as options, not as a
// connection, so that BullMQ owns its connections and closes them with the queue or worker.
import type { RedisOptions } from 'ioredis';
import { QueueError } from './errors.ts';

export const QUEUE_NAME = 'filings-import';

export function redisOptions(purpose: 'worker' | 'client'): RedisOptions {
  const url = redisUrl();
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username || undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    // Workers wait through a Redis outage instead of throwing (BullMQ requires null for them).
    maxRetriesPerRequest: purpose === 'worker' ? null : 3,
    // Workers reconnect forever, backing off to 2 s: an outage ends when Redis is back, not when we give up.
    retryStrategy: purpose === 'worker' ? (times: number) => Math.min(times * 100, 2000) : clientRetry,
    ...(purpose === 'client' && { connectTimeout: 3000 }),
  };
}

// enqueue and status are commands a person or a script waits on: an answer beats a hang. Three
// reconnects (under 2 s) ride out a blip; then the connection ends and what is pending fails. A
// host that drops packets instead of refusing them is given up on after 3 s (ioredis waits 10).
const clientRetry = (times: number) => (times > 3 ? null : 250 * 2 ** (times - 1));

/** Where Redis is, for messages: the URL without its password. */
export function redisLocation(): string {
  const url = redisUrl();
  return `redis://${url.host}${url.pathname.length > 1 ? url.pathname : ''}`;
}

function redisUrl(): URL {
  const raw = process.env.REDIS_URL;
  if (!raw) throw new QueueError('redis_url', 'REDIS_URL is not set (for example REDIS_URL=redis://127.0.0.1:6379)');
  try {
    return new URL(raw);
  } catch {
    throw new QueueError('redis_url', 'REDIS_URL is not a URL (for example REDIS_URL=redis://127.0.0.1:6379)');
  }
}
