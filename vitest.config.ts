import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Three projects, told apart by what a test file's text uses:
// - unit: no server and no process; runs in parallel (`npm run test:unit`);
// - integration: starts servers (redis-server, PostgreSQL), workers or the CLI; runs beside unit;
// - serial: integration tests that measure time (a deadline, a grace period) or kill processes, run
//   one at a time after the rest, so that a busy machine cannot make them miss a deadline.
const PROCESS_MARKS = /\b(startRedis|postgresBackend|startPostgres|startWorker|filings\(|filingsWithPermissions\(|timedFilings\(|execFile|spawn)/;
const TIMING_MARKS = /\b(Date\.now\(\)|performance\.now\(\)|timedFilings|SIGINT|SIGTERM|FILINGS_FILE_TIMEOUT_S)/;
// A file whose times have slack far beyond what a busy machine costs says so, and runs with the rest.
const BESIDE_OTHERS = /^\/\/ Runs beside others:/m;

function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return testFiles(p);
    return e.name.endsWith('.test.ts') ? [p] : [];
  });
}
const text = new Map(testFiles('tests').map((f) => [f, fs.readFileSync(f, 'utf8')]));
const all = [...text.keys()];
const serial = all.filter((f) => PROCESS_MARKS.test(text.get(f)!) && TIMING_MARKS.test(text.get(f)!) && !BESIDE_OTHERS.test(text.get(f)!));
const integration = all.filter((f) => PROCESS_MARKS.test(text.get(f)!) && !serial.includes(f));
const unit = all.filter((f) => !PROCESS_MARKS.test(text.get(f)!));

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Vitest's default is one worker less than the cores: one, on the 2-core machines this runs on.
    // A process-starting test spends much of its time waiting on a process or a server: one file
    // more than there are cores keeps the cores busy.
    maxWorkers: os.availableParallelism() + 1,
    // A test file gets the modules a previous file in its worker loaded, instead of loading zod,
    // SheetJS, mammoth and the store again: importing them was a tenth of the run's CPU. No test
    // relies on a module's state being fresh.
    isolate: false,
    projects: [
      { extends: true, test: { name: 'unit', include: unit, sequence: { groupOrder: 0 } } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: integration,
          globalSetup: ['tests/helpers/build-dist.ts', 'tests/helpers/postgres-server.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'serial',
          include: serial,
          globalSetup: ['tests/helpers/build-dist.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
