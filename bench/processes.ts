// Running `filings` the way a user does (the compiled program in bin/), measured: its CPU time and peak
// RSS from inside (bench/rusage.mjs), and the CPU of a process still running from /proc (Linux).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');
export const bin = path.join(root, 'bin/filings.js');
/** Preloaded into a measured `filings` process: its CPU and peak RSS go to FILINGS_BENCH_RUSAGE at exit. */
export const preload = path.join(root, 'bench/rusage.mjs');

export interface Usage {
  cpuMs: number;
  maxRssMb: number;
  stdout: string;
}

/** Runs `filings ARGS` to its end; throws on a non-zero exit. */
export function runFilings(args: string[], env: NodeJS.ProcessEnv = {}): Usage {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'filings-bench-rusage-')), 'usage.json');
  try {
    const stdout = execFileSync(process.execPath, ['--import', preload, bin, ...args], {
      cwd: root,
      env: { ...process.env, ...env, FILINGS_BENCH_RUSAGE: file },
      maxBuffer: 1 << 26,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { ...(JSON.parse(fs.readFileSync(file, 'utf8')) as Omit<Usage, 'stdout'>), stdout: String(stdout) };
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

const ticksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU time so far of a running process and all its threads, in ms (utime + stime of /proc/PID/stat). */
export function processCpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name in parentheses may hold spaces: the fields start after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 of the line (utime, stime) are the 12th and 13th after the name.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}
