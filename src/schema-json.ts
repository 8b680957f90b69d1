// The record's JSON Schema, derived from the zod schema so that the two cannot say different things.
// schema/filing-record.schema.json is this output, committed for consumers who never run our code;
// tests/schema-json.test.ts fails when the file falls behind the zod schema.
import { z } from 'zod';
import { SCHEMA_VERSION } from './codes.ts';
import { FilingRecordSchema } from './schema.ts';

export function recordJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(FilingRecordSchema, { target: 'draft-2020-12', unrepresentable: 'throw' });
  return {
    $schema: generated.$schema,
    title: `Filing record, schemaVersion ${SCHEMA_VERSION}`,
    description:
      'One performance-target form (绩效目标申报表/填报表) as read by filings: project header, funding in 万元, goals, indicator tree, empty groups, unmapped cells, warnings. See docs/record.md.',
    ...Object.fromEntries(Object.entries(generated).filter(([k]) => k !== '$schema')),
  };
}

export function recordJsonSchemaText(): string {
  return `${JSON.stringify(recordJsonSchema(), null, 2)}\n`;
}
