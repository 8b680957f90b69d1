// The committed JSON Schema is what consumers validate against: it must be the zod schema's own
// output, and it must accept the records we write and refuse what zod refuses.
import fs from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { expect, it } from 'vitest';
import { recordJsonSchemaText } from '../src/schema-json.ts';
import { filings, fixture, root } from './helpers/cli.ts';

const committed = fs.readFileSync(`${root}/schema/filing-record.schema.json`, 'utf8');
const validate = new Ajv2020({ allErrors: true }).compile(JSON.parse(committed));
const seed = JSON.parse(fs.readFileSync(fixture('seed.expected.json'), 'utf8'));

it('schema/filing-record.schema.json is the zod schema’s JSON Schema (run `npm run schema` after changing src/schema.ts)', () => {
  expect(committed).toBe(recordJsonSchemaText());
});

it('accepts the seed’s expected record and every record the fixtures read to', async () => {
  expect(validate(seed[0]), JSON.stringify(validate.errors)).toBe(true);
  const run = await filings(['parse', fixture('multi-3.md'), fixture('real-04.xlsx'), fixture('fengjie-2023.docx')]);
  const records = JSON.parse(run.stdout);
  expect(records.length).toBeGreaterThan(4);
  for (const r of records) expect(validate(r), JSON.stringify(validate.errors)).toBe(true);
});

it('refuses what the record contract forbids', () => {
  // biome-ignore lint/suspicious/noExplicitAny: the edits make records the schema must refuse, which no type allows
  const bad = (edit: (r: any) => void) => {
    const r = structuredClone(seed[0]);
    edit(r);
    return validate(r);
  };
  expect(bad((r) => (r.funding.unit = '元'))).toBe(false);
  expect(bad((r) => (r.indicators[0].target = { raw: '≥85%', kind: 'numeric', op: '≥', value: 85, unit: '%' }))).toBe(false);
  expect(bad((r) => (r.project.name = ''))).toBe(false);
  expect(bad((r) => (r.surprise = 1))).toBe(false);
  expect(bad((r) => (r.warnings = [{ code: 'no_such_warning', message: 'x' }]))).toBe(false);
});

it('`filings schema` prints the committed schema', async () => {
  const run = await filings(['schema']);
  expect(run.code).toBe(0);
  expect(run.stdout).toBe(committed);
});
