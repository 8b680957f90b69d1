// Ctrl-C in the middle of an import: the files in hand are finished, the run says it was
// interrupted, and running again stores the rest without doubling anything.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.ts';
import { filings, fixture, root } from '../helpers/cli.ts';
import { tmpDir } from '../helpers/tmp.ts';
import { FIXTURE_FORMS } from './fixture-counts.ts';

const tmp = tmpDir();
afterAll(() => tmp.remove());
const env = { FILINGS_DB: path.join(tmp.dir, 'filings.db'), FILINGS_UPLOADS: path.join(tmp.dir, 'uploads') };

it('Ctrl-C stops after the files in hand; the next run stores the rest, nothing twice', async () => {
  const proc = spawn(process.execPath, [path.join(root, 'bin/filings.js'), 'import', fixture()], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  proc.stderr.on('data', (d) => {
    stderr += String(d);
    // Interrupt once the import is under way (the first progress line).
    if (/imported \d+\/\d+ files/.test(stderr) && proc.exitCode === null && !proc.killed) proc.kill('SIGINT');
  });
  const code = await new Promise<number | null>((resolve) => proc.once('exit', resolve));
  expect(code).toBe(130);
  expect(stderr).toMatch(/stopping after the files in hand/);
  expect(stderr).toMatch(/interrupted after/);

  const again = await filings(['import', fixture()], env);
  expect(again.code).toBe(1); // the run completed; fixtures/ holds files that fail on purpose
  expect(again.stderr).toMatch(/done in/);
  const store = await openStore({ db: env.FILINGS_DB });
  try {
    expect((await store.counts()).filings).toBe(FIXTURE_FORMS);
  } finally {
    await store.close();
  }
}, 120_000);
