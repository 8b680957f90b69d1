// Fair comparisons across departments: a group named by its level-1 or level-2 label or code, money in
// one unit, and unit figures (per school, per person) never pooled with totals. The records are built
// here the way the reader gives them; the targets are written as forms write them.
import { describe, expect, it } from 'vitest';
import { groupSpread } from '../../src/compare/departments-year.ts';
import { CompareError } from '../../src/compare/errors.ts';
import type { FilingRecord, Indicator, Level1, Level2 } from '../../src/schema.ts';
import type { StoredRecord } from '../../src/store/store.ts';
import { parseTarget } from '../../src/values/target.ts';

const ind = (level1: string, level1Code: Level1, level2: string, level2Code: Level2, name: string, target: string): Indicator => ({
  horizon: 'annual',
  level1,
  level1Code,
  level2,
  level2Code,
  name,
  target: parseTarget(target),
  explanation: null,
  basis: null,
});

let seq = 0;
function stored(department: string, project: string, indicators: Indicator[]): StoredRecord {
  seq++;
  const sha = seq.toString(16).padStart(64, '0');
  const record: FilingRecord = {
    schemaVersion: 1,
    id: `${sha}:0`,
    source: { file: `${project}.docx`, format: 'docx', sha256: sha, formIndex: 0, locator: 'table 1' },
    form: { title: null, fiscalYear: 2023 },
    project: { name: project, category: null, nature: null, attribute: null, department, departmentCode: null, implementingUnit: null, plannedStart: null, plannedEnd: null, extras: {} },
    funding: { unit: '万元', total: null, fiscal: null, other: null, annualTotal: null, annualAppropriation: null, priorYearCarryover: null, annualOther: null, extras: {} },
    goals: { overallPeriod: null, overall: null, annual: null },
    indicators,
    emptyGroups: [],
    unmapped: [],
    warnings: [],
  };
  return { seq, record };
}

// Before 2021 成本指标 is a level 2 under 产出指标; from 2021 a level 1 with 经济成本指标 under it.
const records = [
  stored('教育局', '校园安全设施改造', [
    ind('产出指标', 'output', '数量指标', 'quantity', '改造学校数', '≥20所'),
    ind('产出指标', 'output', '成本指标', 'cost', '每所学校改造成本', '≤7.5万元'),
  ]),
  stored('城市管理局', '城区道路养护', [ind('成本指标', 'cost', '经济成本指标', 'economic_cost', '养护成本', '≤280万元')]),
  stored('民政局', '社区养老服务补助', [ind('成本指标', 'cost', '经济成本指标', 'economic_cost', '补助总额', '250万')]),
  stored('卫生健康委员会', '基层医疗设备购置', [ind('成本指标', 'cost', '经济成本指标', 'economic_cost', '设备购置费', '≤3000000元')]),
];

describe('compare departments --group', () => {
  it('成本指标 finds the cost indicators of both templates, at level 1 and at level 2', () => {
    const s = groupSpread(records, 2023, '成本指标');
    expect(s.rows.map((r) => r.indicator)).toEqual(['每所学校改造成本', '养护成本', '补助总额', '设备购置费']);
    expect(groupSpread(records, 2023, 'cost').rows.map((r) => r.indicator)).toEqual(s.rows.map((r) => r.indicator));
  });

  it('amounts in 元 and 万 are compared in 万元; a per-school cost is kept apart from the totals', () => {
    const s = groupSpread(records, 2023, '成本指标');
    const row = (name: string) => s.rows.find((r) => r.indicator === name)!;
    expect([row('补助总额').value, row('补助总额').unit]).toEqual([250, '万元']);
    expect([row('设备购置费').value, row('设备购置费').unit]).toEqual([300, '万元']);
    expect(row('每所学校改造成本').scope).toBe('unit');
    const ceilings = s.summaries.find((x) => x.scope === 'total' && x.direction === 'ceiling')!;
    // ≤280万元 and ≤300万元 (3,000,000元): the per-school ≤7.5万元 is not among them.
    expect(ceilings).toMatchObject({ unit: '万元', count: 2, min: 280, max: 300, median: 290, spread: 20 });
    expect(s.summaries.find((x) => x.scope === 'unit')).toMatchObject({ unit: '万元', count: 1, min: 7.5 });
    expect(row('每所学校改造成本').vsMedian).toBe(0);
  });

  it('a level-1 group by its label: 产出指标', () => {
    expect(groupSpread(records, 2023, '产出指标').rows.filter((r) => r.indicator).map((r) => r.indicator)).toEqual(['改造学校数', '每所学校改造成本']);
  });

  it('a group no template knows and no filing uses is an error naming the groups there are', () => {
    expect(() => groupSpread(records, 2023, 'xyz')).toThrow(CompareError);
    expect(() => groupSpread(records, 2023, 'xyz')).toThrow(/^没有名为“xyz”的指标组；可选：产出指标、数量指标、成本指标、经济成本指标$/);
  });
});
