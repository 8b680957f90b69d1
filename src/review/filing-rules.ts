// The rules that need one filing alone: what its indicator table lacks (a cost group, a satisfaction
// group, a number among the outputs), whether its targets are mostly words, and the groups it lists
// and leaves empty. Indicators of every horizon count (a 中长期 indicator is an indicator of the form).
import type { FilingRecord } from '../schema.ts';
import { type Finding, finding } from './finding.ts';
import { isCost, isOutput, isSatisfaction } from './groups.ts';
import { warningFindings } from './warning-findings.ts';

const quantitative = (t: FilingRecord['indicators'][number]['target']) => t?.kind === 'numeric' || t?.kind === 'range';

function noCost(record: FilingRecord): Finding[] {
  if (record.indicators.some(isCost)) return [];
  return [finding(record, 'no_cost_indicator', { message: '成本指标下没有指标', level1: '成本指标' })];
}

function noSatisfaction(record: FilingRecord): Finding[] {
  if (record.indicators.some(isSatisfaction)) return [];
  return [finding(record, 'no_satisfaction_indicator', { message: '满意度指标下没有指标', level1: '满意度指标' })];
}

function noQuantitativeOutput(record: FilingRecord): Finding[] {
  const outputs = record.indicators.filter(isOutput);
  if (outputs.some((i) => quantitative(i.target))) return [];
  const message = outputs.length === 0 ? '没有产出指标，也就没有数值型的产出目标' : `产出指标的${outputs.length}项指标值都不是数值或区间`;
  return [finding(record, 'no_quantitative_output', { message, level1: '产出指标' })];
}

/**
 * More than half of the filled targets are qualitative (明显改善, 及时). A blank target is left out of
 * both counts: it is no target at all, target_missing reports it already, and counting it as
 * qualitative would report one omission twice; counting it as quantitative would hide words behind it.
 */
function mostlyQualitative(record: FilingRecord): Finding[] {
  const filled = record.indicators.filter((i) => i.target !== null);
  const words = filled.filter((i) => i.target?.kind === 'qualitative').length;
  if (words * 2 <= filled.length) return [];
  const blank = record.indicators.length - filled.length;
  const message = `${filled.length}项指标值中有${words}项是定性描述${blank ? `（另有${blank}项未填，不计）` : ''}`;
  return [finding(record, 'mostly_qualitative', { message })];
}

function emptyGroups(record: FilingRecord): Finding[] {
  return record.emptyGroups.map((g) =>
    finding(record, 'empty_group', {
      message: `“${g.level1 ? `${g.level1} / ` : ''}${g.level2}”列在表上，但没有填指标`,
      level1: g.level1,
      level2: g.level2,
    }),
  );
}

export function filingFindings(record: FilingRecord): Finding[] {
  return [
    ...noCost(record),
    ...noSatisfaction(record),
    ...noQuantitativeOutput(record),
    ...mostlyQualitative(record),
    ...emptyGroups(record),
    ...warningFindings(record),
  ];
}
