// A review finding: one thing an auditor should look at in one filing, under one rule. The code is
// stable English for scripts and filters (`--code`); the message is Chinese, for the auditor, and
// names what it is about (the indicator, the group, the years). The record's own content warnings
// (schema.ts WarningCode) are findings under their own codes.
import { z } from 'zod';
import { WarningCode } from '../schema.ts';
import type { FilingRecord } from '../schema.ts';

/** The codes in the order a filing's findings are listed: what is missing, then what is weak, then what is wrong. */
export const RuleCode = z.enum([
  'no_cost_indicator',
  'no_satisfaction_indicator',
  'no_quantitative_output',
  'mostly_qualitative',
  'target_lowered',
  'targets_copied',
  'empty_group',
  ...WarningCode.options,
]);
export type RuleCode = z.infer<typeof RuleCode>;

/** warning: something to query the department about; info: worth a look, often explained. */
export const Severity = z.enum(['warning', 'info']);
export type Severity = z.infer<typeof Severity>;

export const FindingSchema = z
  .object({
    filingId: z.string().min(1),
    code: RuleCode,
    severity: Severity,
    message: z.string().min(1),
    /** The indicator the finding is about, as this filing names it; null for a finding about the whole filing. */
    indicator: z.string().min(1).nullable(),
    /** The group concerned, as the form labels it (or the group found missing). */
    level1: z.string().min(1).nullable(),
    level2: z.string().min(1).nullable(),
    year: z.number().int().nullable(),
    department: z.string().min(1).nullable(),
    project: z.string().min(1).nullable(),
  })
  .strict();
export type Finding = z.infer<typeof FindingSchema>;

// Missing cost or satisfaction indicators and lowered targets are what an auditor sends back; a mostly
// qualitative form or a repeated year is often explained by the project itself.
export const SEVERITY: Record<RuleCode, Severity> = {
  no_cost_indicator: 'warning',
  no_satisfaction_indicator: 'warning',
  no_quantitative_output: 'warning',
  mostly_qualitative: 'info',
  target_lowered: 'warning',
  targets_copied: 'info',
  empty_group: 'warning',
  funding_sum: 'warning',
  dates_order: 'warning',
  duplicate_indicator: 'warning',
  target_missing: 'warning',
};

export interface FindingDetail {
  message: string;
  indicator?: string | null;
  level1?: string | null;
  level2?: string | null;
}

/** A finding on this filing, with the filing's year, department and project. */
export function finding(record: FilingRecord, code: RuleCode, detail: FindingDetail): Finding {
  return {
    filingId: record.id,
    code,
    severity: SEVERITY[code],
    message: detail.message,
    indicator: detail.indicator ?? null,
    level1: detail.level1 ?? null,
    level2: detail.level2 ?? null,
    year: record.form.fiscalYear,
    department: record.project.department,
    project: record.project.name,
  };
}
