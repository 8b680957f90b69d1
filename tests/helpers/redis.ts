// A real redis-server for the tests, on a free loopback port, in a temporary folder; stopped after.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface RedisServer {
  url: string;
  port: number;
  /** The running server's process (the benchmark reads its CPU time). */
  readonly pid: number;
  stop(): Promise<void>;
  restart(): Promise<void>;
}

/** Starts redis-server as BullMQ wants it (append-only, noeviction). Fails loudly where it is missing. */
export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'filings-redis-'));
  let proc: ChildProcess | undefined;
  const start = async () => {
    proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', '', '--maxmemory-policy', 'noeviction'], {
      stdio: 'ignore',
    });
    await new Promise<void>((resolve, reject) => {
      proc!.once('error', (e) => reject(new Error(`redis-server could not start (${e.message}); install it (apt-get install redis-server)`)));
      const deadline = Date.now() + 10_000;
      const poll = () => {
        const s = net.connect(port, '127.0.0.1');
        s.once('connect', () => {
          s.end();
          resolve();
        });
        s.once('error', () => (Date.now() > deadline ? reject(new Error('redis-server did not come up')) : setTimeout(poll, 50)));
      };
      poll();
    });
  };
  const stop = async () => {
    if (!proc || proc.exitCode !== null) return;
    const p = proc;
    await new Promise<void>((resolve) => {
      p.once('exit', () => resolve());
      p.kill('SIGTERM');
    });
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    get pid() {
      return proc!.pid!;
    },
    stop: async () => {
      await stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
    restart: async () => {
      await stop();
      await start();
    },
  };
}
