// Real `filings worker` processes for the queue tests, each in its own process group so that a
// SIGKILL takes its sandboxed job processes down with it, as a crashed machine would.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { root } from './cli.ts';

export interface WorkerProcess {
  proc: ChildProcess;
  log: string[];
  /** SIGKILL takes the whole process group (a crash); other signals go to the worker alone, as docker stop does. */
  kill(signal: NodeJS.Signals): void;
  exited: Promise<number | null>;
}

export function startWorker(env: NodeJS.ProcessEnv, args: string[] = []): WorkerProcess {
  const proc = spawn(process.execPath, [path.join(root, 'bin/filings.js'), 'worker', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  proc.stdout!.on('data', (d) => log.push(String(d)));
  proc.stderr!.on('data', (d) => log.push(String(d)));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  return {
    proc,
    log,
    exited,
    kill(signal) {
      try {
        process.kill(signal === 'SIGKILL' ? -proc.pid! : proc.pid!, signal);
      } catch {
        // already gone
      }
    },
  };
}

export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Ends a worker as a service manager would (a polite stop, then waiting for it) when a test is done with it. */
export async function stopWorker(worker: WorkerProcess | undefined): Promise<void> {
  if (!worker) return;
  worker.kill('SIGTERM');
  await worker.exited;
}
