import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { filings, fixture } from '../helpers/cli.ts';
import { tmpDir } from '../helpers/tmp.ts';

// fixtures/seed.md is the filing as the user gave it (seed-2021-tebao.md), byte for byte, and
// fixtures/seed.expected.json the exact record it must become, file name included: so the test
// reads it under its original name.
it('the seed filing reads to exactly its expected record through the real CLI', async () => {
  const tmp = tmpDir();
  try {
    const seed = path.join(tmp.dir, 'seed-2021-tebao.md');
    fs.copyFileSync(fixture('seed.md'), seed);
    const expected = JSON.parse(fs.readFileSync(fixture('seed.expected.json'), 'utf8'));
    const run = await filings(['parse', seed]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toStrictEqual(expected);
  } finally {
    tmp.remove();
  }
});

it('--verbose tells on stderr how drifted rows were read, and keeps stdout pure JSON', async () => {
  const run = await filings(['parse', '--verbose', fixture('seed.md')]);
  expect(run.code).toBe(0);
  expect(run.stderr).toMatch(/row 18: cells sit 1 column\(s\) left of their header; read shifted/);
  expect(JSON.parse(run.stdout)).toHaveLength(1);
});
