// Redis for the queue: REDIS_URL (redis://[:password@]host:port[/db]). Passed as options, not as a
// connection, so that BullMQ owns its connections and closes them with the queue or worker.
import type { RedisOptions } from 'ioredis';

export const QUEUE_NAME = 'filings-import';

export function redisOptions(purpose: 'worker' | 'client'): RedisOptions {
  const raw = process.env.REDIS_URL;
  if (!raw) throw new Error('REDIS_URL is not set (for example REDIS_URL=redis://127.0.0.1:6379)');
  const url = new URL(raw);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username || undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    // Workers wait through a Redis outage instead of throwing (BullMQ requires null for them).
    maxRetriesPerRequest: purpose === 'worker' ? null : 3,
    // Reconnect forever, backing off to 2 s: an outage ends when Redis is back, not when we give up.
    retryStrategy: (times: number) => Math.min(times * 100, 2000),
  };
}
