// The filing record (shared/spec/filing-record.md) as a zod schema: the single source of its types.
import { z } from 'zod';
import { LEVEL1_CODES, LEVEL2_CODES, SCHEMA_VERSION } from './codes.ts';

const text = z.string().min(1).nullable();
const amount = z.number().finite().nullable();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable();

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && [null, Object.prototype].includes(Object.getPrototypeOf(v));

/**
 * A record keyed by a form's own labels. zod's z.record drops a `__proto__` key without a word, and
 * a form may carry a field labelled so; this keeps every own key. The output is built the way
 * JSON.parse builds an object (own data properties, `__proto__` included), so a record reads the
 * same whether it comes from the reader, a worker thread or the store.
 */
function labelled<V extends z.ZodType>(value: V) {
  const schema = z.custom<Record<string, z.input<V>>>(isPlainObject, 'expected an object').transform((input, ctx) => {
    const entries: [string, z.output<V>][] = [];
    for (const [key, v] of Object.entries(input)) {
      const checked = value.safeParse(v);
      if (checked.success) entries.push([key, checked.data]);
      else for (const issue of checked.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: [key, ...issue.path] });
    }
    return Object.fromEntries(entries) as Record<string, z.output<V>>;
  });
  // A check and a transform have no JSON Schema; the JSON they accept and give is z.record's, so the
  // record's JSON Schema (draft 2020-12, as published) describes extras as z.record would.
  schema._zod.toJSONSchema = () => {
    const { $schema: _, ...json } = z.toJSONSchema(z.record(z.string(), value), { target: 'draft-2020-12' });
    return json;
  };
  return schema;
}

export const Level1Code = z.enum(LEVEL1_CODES);
export const Level2Code = z.enum(LEVEL2_CODES);

export const TargetSchema = z.discriminatedUnion('kind', [
  z.object({
    raw: z.string().min(1),
    kind: z.literal('numeric'),
    op: z.enum(['=', '>=', '<=', '>', '<']),
    value: z.number().finite(),
    unit: z.string().min(1).nullable(),
  }).strict(),
  z.object({
    raw: z.string().min(1),
    kind: z.literal('range'),
    min: z.number().finite(),
    max: z.number().finite(),
    unit: z.string().min(1).nullable(),
  }).strict(),
  z.object({ raw: z.string().min(1), kind: z.literal('qualitative') }).strict(),
]);

export const IndicatorSchema = z.object({
  horizon: z.enum(['annual', 'overall']),
  level1: text,
  level1Code: Level1Code.nullable(),
  level2: text,
  level2Code: Level2Code.nullable(),
  name: z.string().min(1),
  target: TargetSchema.nullable(),
  explanation: text,
  basis: text,
}).strict();

export const GroupSchema = z.object({
  level1: text,
  level1Code: Level1Code.nullable(),
  level2: z.string().min(1),
  level2Code: Level2Code,
}).strict();

export const WarningCode = z.enum(['funding_sum', 'dates_order', 'duplicate_indicator', 'target_missing']);

export const FilingRecordSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  id: z.string().regex(/^[0-9a-f]{64}:\d+$/),
  source: z.object({
    file: z.string().min(1),
    format: z.enum(['docx', 'doc', 'xlsx', 'xls', 'md']),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    formIndex: z.number().int().nonnegative(),
    locator: z.string().min(1),
  }).strict(),
  form: z.object({
    title: text,
    fiscalYear: z.number().int().min(1990).max(2100).nullable(),
  }).strict(),
  project: z.object({
    name: text,
    category: text,
    nature: text,
    attribute: text,
    department: text,
    departmentCode: text,
    implementingUnit: text,
    plannedStart: isoDate,
    plannedEnd: isoDate,
    extras: labelled(z.string().nullable()),
  }).strict(),
  funding: z.object({
    unit: z.literal('万元'),
    total: amount,
    fiscal: amount,
    other: amount,
    annualTotal: amount,
    annualAppropriation: amount,
    priorYearCarryover: amount,
    annualOther: amount,
    extras: labelled(z.number().finite().nullable()),
  }).strict(),
  goals: z.object({
    overallPeriod: z.string().regex(/^\d{4}-\d{4}$/).nullable(),
    overall: text,
    annual: text,
  }).strict(),
  indicators: z.array(IndicatorSchema),
  emptyGroups: z.array(GroupSchema),
  unmapped: z.array(z.object({ row: z.number().int(), col: z.number().int(), text: z.string().min(1) }).strict()),
  warnings: z.array(z.object({ code: WarningCode, message: z.string().min(1) }).strict()),
}).strict();

export type FilingRecord = z.infer<typeof FilingRecordSchema>;
export type Indicator = z.infer<typeof IndicatorSchema>;
export type Target = z.infer<typeof TargetSchema>;
export type Group = z.infer<typeof GroupSchema>;
export type Level1 = z.infer<typeof Level1Code>;
export type Level2 = z.infer<typeof Level2Code>;
export type FilingWarning = FilingRecord['warnings'][number];
export type SourceFormat = FilingRecord['source']['format'];
