import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// A test file that starts a server (redis-server, PostgreSQL), a worker or the CLI as a process is an
// integration test; the rest need nothing but this process and run in parallel (`npm run test:unit`).
const INTEGRATION_MARKS = /\b(startRedis|postgresBackend|startWorker|filings\(|filingsWithPermissions\(|timedFilings\(|execFile|spawn)/;

function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return testFiles(p);
    return e.name.endsWith('.test.ts') ? [p] : [];
  });
}
const all = testFiles('tests');
const integration = all.filter((f) => INTEGRATION_MARKS.test(fs.readFileSync(f, 'utf8')));

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'unit', include: all.filter((f) => !integration.includes(f)) } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: integration,
          globalSetup: ['tests/helpers/build-dist.ts'],
          // Real servers and worker processes: on a 2-core machine, one file at a time keeps them from
          // starving each other.
          fileParallelism: false,
        },
      },
    ],
  },
});
