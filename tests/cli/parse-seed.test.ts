import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { filings, shared } from '../helpers/cli.ts';

it('the seed filing reads to exactly its expected record through the real CLI', async () => {
  const seed = path.join(shared, 'examples/seed-2021-tebao.md');
  const expected = JSON.parse(fs.readFileSync(path.join(shared, 'examples/seed-2021-tebao.expected.json'), 'utf8'));
  const run = await filings(['parse', seed]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(JSON.parse(run.stdout)).toStrictEqual(expected);
});

it('--verbose tells on stderr how drifted rows were read, and keeps stdout pure JSON', async () => {
  const seed = path.join(shared, 'examples/seed-2021-tebao.md');
  const run = await filings(['parse', '--verbose', seed]);
  expect(run.code).toBe(0);
  expect(run.stderr).toMatch(/row 18: cells sit 1 column\(s\) left of their header; read shifted/);
  expect(JSON.parse(run.stdout)).toHaveLength(1);
});
