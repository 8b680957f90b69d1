// Runs the real command line, as a user would, and hands back what they would see.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const fixture = (...p: string[]) => path.join(root, 'fixtures', ...p);

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `cwd`: where the user stands (default: the repository), for what a command does with relative paths. */
export function filings(args: string[], env: NodeJS.ProcessEnv = {}, opts: { cwd?: string } = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(root, 'bin/filings.js'), ...args],
      { cwd: opts.cwd ?? root, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}
