// The record schema is published as JSON Schema (z.toJSONSchema): extras, validated by a check of
// our own so that a label `__proto__` is kept, must still have one, that of a record of values.
import { expect, it } from 'vitest';
import { z } from 'zod';
import { FilingRecordSchema } from '../src/schema.ts';

it('extras have a JSON Schema: an object of text (project) or amounts (funding), null allowed', () => {
  // biome-ignore lint/suspicious/noExplicitAny: a JSON Schema document, walked by the paths below
  const json = z.toJSONSchema(FilingRecordSchema, { target: 'draft-2020-12', unrepresentable: 'throw' }) as any;
  const record = (type: string) => ({ type: 'object', propertyNames: { type: 'string' }, additionalProperties: { type: [type, 'null'] } });
  expect(json.properties.project.properties.extras).toEqual(record('string'));
  expect(json.properties.funding.properties.extras).toEqual(record('number'));
});

it('extras keep a key __proto__ and refuse a value of the wrong type, naming its key', () => {
  const extras = FilingRecordSchema.shape.project.shape.extras;
  const parsed = extras.parse(JSON.parse('{"__proto__":"值","constructor":null}'));
  expect(Object.entries(parsed)).toEqual([['__proto__', '值'], ['constructor', null]]);
  const refused = extras.safeParse({ 项目负责人: 1 });
  expect(refused.error?.issues.map((i) => i.path)).toEqual([['项目负责人']]);
  expect(extras.safeParse([]).success).toBe(false);
});
