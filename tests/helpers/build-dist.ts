// The integration tests run `bin/filings.js`, which runs the compiled program in dist/: compile what
// changed first, so a test never runs yesterday's build (and nothing, not even tsc's own 3 s check,
// when no source is newer than the last compile).
// Both process-starting projects set this up, and one compile serves both; a lock folder keeps two
// test runs from writing dist/ at once.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const lock = path.join(root, '.build-lock');

export default async function setup(): Promise<void> {
  // Both projects' global setups run in vitest's own process: one compile serves the run.
  const run = globalThis as { filingsBuild?: Promise<void> };
  run.filingsBuild ??= build();
  await run.filingsBuild;
}

async function build(): Promise<void> {
  for (let waited = 0; ; waited += 100) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (e) {
      // A lock older than the slowest build was left by a killed run.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      if (waited > 120_000) fs.rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    if (programIsStale()) {
      const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
      execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
    }
    // The workspace (web/ → dist/web), built when its sources are newer than the last build.
    if (webIsStale()) {
      const vite = path.join(root, 'node_modules/vite/bin/vite.js');
      execFileSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
    }
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

function newest(p: string): number {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...fs.readdirSync(p).map((f) => newest(path.join(p, f))));
}

/** Whether a source of the program (or its configuration) is newer than tsc's last compile. */
function programIsStale(): boolean {
  const info = path.join(root, 'dist/.tsbuildinfo');
  if (!fs.existsSync(info)) return true;
  const sources = ['src', 'parsers', 'workers', 'server', 'tsconfig.json', 'tsconfig.build.json', 'package.json'].map((p) => path.join(root, p));
  return Math.max(...sources.filter((p) => fs.existsSync(p)).map(newest)) > fs.statSync(info).mtimeMs;
}

function webIsStale(): boolean {
  const web = path.join(root, 'web');
  if (!fs.existsSync(web)) return false;
  const built = path.join(root, 'dist/web/index.html');
  if (!fs.existsSync(built)) return true;
  const config = path.join(root, 'vite.config.ts');
  return Math.max(newest(web), fs.existsSync(config) ? newest(config) : 0) > fs.statSync(built).mtimeMs;
}
