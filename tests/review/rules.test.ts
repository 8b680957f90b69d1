// The review rules one by one, on records built here: what each finds, what it leaves alone, and
// the messages an auditor reads. The fixtures (fixtures/review/) go through the real CLI in
// review-cli.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FindingSchema, RuleCode, type Finding } from '../../src/review/finding.ts';
import { RULE_MEANING } from '../../src/review/rule-meaning.ts';
import { reviewFindings } from '../../src/review/rules.ts';
import { FilingRecordSchema, type FilingRecord, type Indicator, type Level1, type Level2 } from '../../src/schema.ts';
import type { StoredRecord } from '../../src/store/store.ts';
import { parseTarget } from '../../src/values/target.ts';
import { root } from '../helpers/cli.ts';

// ---- records, as the reader would give them ----

const LEVEL1 = new Map<string, Level1>([
  ['产出指标', 'output'],
  ['成本指标', 'cost'],
  ['效益指标', 'benefit'],
  ['满意度指标', 'satisfaction'],
]);
const LEVEL2 = new Map<string, Level2>([
  ['数量指标', 'quantity'],
  ['质量指标', 'quality'],
  ['时效指标', 'timeliness'],
  ['成本指标', 'cost'],
  ['经济成本指标', 'economic_cost'],
  ['社会成本指标', 'social_cost'],
  ['社会效益指标', 'social'],
  ['服务对象满意度指标', 'satisfaction'],
]);

/** `产出指标/数量指标 巡逻里程 ≥5000公里`; a target of '' is blank. */
function ind(groups: string, name: string, target: string): Indicator {
  const [l1, l2] = groups.split('/');
  return {
    horizon: 'annual',
    level1: l1,
    level1Code: LEVEL1.get(l1) ?? 'other',
    level2: l2,
    level2Code: LEVEL2.get(l2) ?? 'other',
    name,
    target: parseTarget(target || null),
    explanation: null,
    basis: null,
  };
}

/** A filing that breaks no rule: outputs with numbers, a 成本指标 level 1, a 满意度指标 level 1. */
const CLEAN = [
  ind('产出指标/数量指标', '巡逻里程', '≥5000公里'),
  ind('产出指标/质量指标', '巡逻覆盖率', '≥95%'),
  ind('成本指标/经济成本指标', '单公里成本', '≤40元'),
  ind('效益指标/社会效益指标', '治安状况', '明显改善'),
  ind('满意度指标/服务对象满意度指标', '群众满意度', '≥90%'),
];

let nextSeq = 1;
interface Spec {
  year?: number | null;
  project?: string;
  department?: string;
  indicators?: Indicator[];
  emptyGroups?: FilingRecord['emptyGroups'];
  warnings?: FilingRecord['warnings'];
  plannedStart?: string;
  plannedEnd?: string;
}

function stored(spec: Spec = {}): StoredRecord {
  const seq = nextSeq++;
  const record = FilingRecordSchema.parse({
    schemaVersion: 1,
    id: `${seq.toString(16).padStart(64, '0')}:0`,
    source: { file: `f${seq}.md`, format: 'md', sha256: seq.toString(16).padStart(64, '0'), formIndex: 0, locator: 'table 1' },
    form: { title: '财政项目支出绩效目标申报表', fiscalYear: spec.year === undefined ? 2023 : spec.year },
    project: {
      name: spec.project ?? '街面治安巡逻',
      category: null,
      nature: null,
      attribute: null,
      department: spec.department ?? '江城市公安局',
      departmentCode: null,
      implementingUnit: null,
      plannedStart: spec.plannedStart ?? null,
      plannedEnd: spec.plannedEnd ?? null,
      extras: {},
    },
    funding: { unit: '万元', total: null, fiscal: null, other: null, annualTotal: 100, annualAppropriation: null, priorYearCarryover: null, annualOther: null, extras: {} },
    goals: { overallPeriod: null, overall: null, annual: null },
    indicators: spec.indicators ?? CLEAN,
    emptyGroups: spec.emptyGroups ?? [],
    unmapped: [],
    warnings: spec.warnings ?? [],
  });
  return { seq, record };
}

/** The findings as [code, message, indicator] triples, the way the tests spell them out. */
const said = (findings: Finding[]) => findings.map((f) => [f.code, f.message, f.indicator]);
const codes = (records: StoredRecord[]) => reviewFindings(records).map((f) => f.code);

describe('a filing alone', () => {
  it('finds nothing in a filing with cost, satisfaction and numeric outputs', () => {
    expect(reviewFindings([stored()])).toEqual([]);
  });

  it('no_cost_indicator: the cost group is 成本指标 as a level 1 (2021 forms) or as a level 2 under 产出指标 (older forms)', () => {
    const without = CLEAN.filter((i) => i.level1 !== '成本指标');
    const older = [...without, ind('产出指标/成本指标', '单公里成本', '≤40元')];
    const f = reviewFindings([stored({ indicators: without })]);
    expect(said(f)).toEqual([['no_cost_indicator', '成本指标下没有指标', null]]);
    expect(f[0]).toMatchObject({ severity: 'warning', level1: '成本指标', level2: null });
    expect(codes([stored({ indicators: older })])).toEqual([]);
  });

  it('no_cost_indicator and empty_group: a cost group listed and left empty is both', () => {
    const without = CLEAN.filter((i) => i.level1 !== '成本指标');
    const empty = { level1: '成本指标', level1Code: 'cost' as const, level2: '社会成本指标', level2Code: 'social_cost' as const };
    expect(said(reviewFindings([stored({ indicators: without, emptyGroups: [empty] })]))).toEqual([
      ['no_cost_indicator', '成本指标下没有指标', null],
      ['empty_group', '“成本指标 / 社会成本指标”列在表上，但没有填指标', null],
    ]);
  });

  it('no_satisfaction_indicator: 满意度 as a level 1, as a level 2 under 效益指标, or under a label the vocabulary does not know', () => {
    const without = CLEAN.filter((i) => i.level1 !== '满意度指标');
    expect(said(reviewFindings([stored({ indicators: without })]))).toEqual([['no_satisfaction_indicator', '满意度指标下没有指标', null]]);
    expect(codes([stored({ indicators: [...without, ind('效益指标/服务对象满意度指标', '群众满意度', '≥90%')] })])).toEqual([]);
    expect(codes([stored({ indicators: [...without, ind('效益指标/群众满意情况', '群众满意度', '≥90%')] })])).toEqual([]);
  });

  it('no_quantitative_output: a number or a range among the outputs will do; a cost ceiling under 产出指标 will not', () => {
    const words = [
      ind('产出指标/数量指标', '巡逻范围', '覆盖全区'),
      ind('产出指标/质量指标', '巡逻质量', '良好'),
      ind('成本指标/经济成本指标', '单公里成本', '≤40元'),
      ind('效益指标/社会效益指标', '发案率', '≤3%'),
      ind('满意度指标/服务对象满意度指标', '群众满意度', '≥90%'),
    ];
    expect(said(reviewFindings([stored({ indicators: words })]))).toEqual([['no_quantitative_output', '产出指标的2项指标值都不是数值或区间', null]]);
    const range = [...words.slice(1), ind('产出指标/数量指标', '巡逻里程', '4000-5000公里')];
    expect(codes([stored({ indicators: range })])).toEqual([]);
    // A 2019 form: 成本指标 under 产出指标, a number there, words for everything delivered.
    const older = [...words.filter((i) => i.level1 !== '成本指标'), ind('产出指标/成本指标', '单公里成本', '≤40元')];
    expect(codes([stored({ indicators: older })])).toEqual(['no_quantitative_output']);
  });

  it('no_quantitative_output says so when there is no output indicator at all', () => {
    const f = reviewFindings([stored({ indicators: CLEAN.filter((i) => i.level1 !== '产出指标') })]);
    expect(said(f)).toEqual([['no_quantitative_output', '没有产出指标，也就没有数值型的产出目标', null]]);
  });

  it('mostly_qualitative: more than half of the filled targets are words; exactly half is not', () => {
    const half = [...CLEAN, ind('效益指标/社会效益指标', '社区秩序', '良好'), ind('效益指标/社会效益指标', '群众安全感', '增强')];
    expect(half.filter((i) => i.target?.kind === 'qualitative')).toHaveLength(3); // of 7: below half
    expect(codes([stored({ indicators: half })])).toEqual([]);
    const more = [
      ind('产出指标/数量指标', '巡逻里程', '≥5000公里'),
      ind('成本指标/经济成本指标', '成本控制', '控制在预算内'),
      ind('效益指标/社会效益指标', '治安状况', '明显改善'),
      ind('满意度指标/服务对象满意度指标', '群众满意度', '较高'),
    ];
    const f = reviewFindings([stored({ indicators: more })]);
    expect(said(f)).toEqual([['mostly_qualitative', '4项指标值中有3项是定性描述', null]]);
    expect(f[0].severity).toBe('info');
  });

  it('mostly_qualitative leaves blank targets out of both counts (target_missing reports them)', () => {
    // Two filled targets, one of them words: half, not more, however many are blank.
    const blanks = [
      ind('产出指标/数量指标', '巡逻里程', '≥5000公里'),
      ind('产出指标/质量指标', '巡逻质量', ''),
      ind('成本指标/经济成本指标', '单公里成本', ''),
      ind('效益指标/社会效益指标', '治安状况', '明显改善'),
      ind('满意度指标/服务对象满意度指标', '群众满意度', ''),
    ];
    expect(codes([stored({ indicators: blanks })])).toEqual([]);
    // One filled target, words: all of what was filled, and the blanks are named as left out.
    const words = [blanks[1], blanks[2], blanks[4], ind('产出指标/数量指标', '巡逻范围', '覆盖全区')];
    expect(said(reviewFindings([stored({ indicators: words })]))).toContainEqual(['mostly_qualitative', '1项指标值中有1项是定性描述（另有3项未填，不计）', null]);
  });

  it('empty_group: one finding per group listed with nothing in it, with its levels', () => {
    const groups = [
      { level1: '产出指标', level1Code: 'output' as const, level2: '时效指标', level2Code: 'timeliness' as const },
      { level1: null, level1Code: null, level2: '社会成本指标', level2Code: 'social_cost' as const },
    ];
    const f = reviewFindings([stored({ emptyGroups: groups })]);
    expect(said(f)).toEqual([
      ['empty_group', '“产出指标 / 时效指标”列在表上，但没有填指标', null],
      ['empty_group', '“社会成本指标”列在表上，但没有填指标', null],
    ]);
    expect(f.map((x) => [x.level1, x.level2])).toEqual([
      ['产出指标', '时效指标'],
      [null, '社会成本指标'],
    ]);
  });
});

describe('the record’s content warnings, in Chinese', () => {
  it('funding_sum names the total, the parts and both sums, for the whole project and for the year', () => {
    const warnings = [
      { code: 'funding_sum' as const, message: 'total 300 is not fiscal + other (250)' },
      { code: 'funding_sum' as const, message: 'annualTotal 120 is not annualAppropriation + priorYearCarryover + annualOther (100.5)' },
    ];
    expect(said(reviewFindings([stored({ warnings })]))).toEqual([
      ['funding_sum', '项目资金总额300万元，不等于财政资金与其他资金之和250万元', null],
      ['funding_sum', '年度资金总额120万元，不等于当年财政拨款、上年结转资金与当年其他资金之和100.5万元', null],
    ]);
  });

  it('dates_order names both dates from the record', () => {
    const warnings = [{ code: 'dates_order' as const, message: 'plannedEnd 2023-03-31 is before plannedStart 2023-12-01' }];
    const f = reviewFindings([stored({ warnings, plannedStart: '2023-12-01', plannedEnd: '2023-03-31' })]);
    expect(said(f)).toEqual([['dates_order', '计划完成日期2023-03-31早于计划开始日期2023-12-01', null]]);
  });

  it('target_missing and duplicate_indicator name the indicator and its group; three copies are one finding', () => {
    const indicators = [
      ...CLEAN,
      ind('产出指标/时效指标', '响应时间', ''),
      ind('产出指标/数量指标', '巡逻里程', '≥5200公里'),
      ind('产出指标/数量指标', '巡逻里程', '≥5400公里'),
    ];
    const warnings = [
      { code: 'target_missing' as const, message: '响应时间 has no target' },
      { code: 'duplicate_indicator' as const, message: '巡逻里程 appears twice under 数量指标' },
      { code: 'duplicate_indicator' as const, message: '巡逻里程 appears twice under 数量指标' },
    ];
    const f = reviewFindings([stored({ indicators, warnings })]);
    expect(said(f)).toEqual([
      ['duplicate_indicator', '“巡逻里程”在数量指标下填了3次', '巡逻里程'],
      ['target_missing', '“响应时间”没有填指标值', '响应时间'],
    ]);
    expect(f.map((x) => [x.level1, x.level2])).toEqual([
      ['产出指标', '数量指标'],
      ['产出指标', '时效指标'],
    ]);
  });

  it('a message in a shape it does not know keeps its words after a Chinese lead', () => {
    const warnings = [{ code: 'funding_sum' as const, message: 'the parts do not add up' }];
    expect(said(reviewFindings([stored({ warnings })]))).toEqual([['funding_sum', '资金合计不符：the parts do not add up', null]]);
  });
});

describe('against the previous year of the same project', () => {
  const year = (y: number, indicators: Indicator[], more: Spec = {}) => stored({ year: y, indicators, ...more });
  const base2022 = [
    ind('产出指标/数量指标', '巡逻里程', '≥5000公里'),
    ind('产出指标/质量指标', '巡逻覆盖率', '≥95%'),
    ind('产出指标/时效指标', '响应时间', '≤15分钟'),
    ind('成本指标/经济成本指标', '单公里成本', '≤40元'),
    ind('效益指标/社会效益指标', '治安状况', '明显改善'),
    ind('满意度指标/服务对象满意度指标', '群众满意度', '≥90%'),
  ];
  const change = (list: Indicator[], name: string, target: string) => list.map((i) => (i.name === name ? { ...i, target: parseTarget(target) } : i));

  it('target_lowered: a lower floor and a higher ceiling ask less, and say by how much and when', () => {
    const y2023 = change(change(base2022, '巡逻覆盖率', '≥90%'), '响应时间', '≤20分钟');
    const [a, b] = [year(2022, base2022), year(2023, y2023)];
    const f = reviewFindings([a, b]);
    expect(said(f)).toEqual([
      ['target_lowered', '“巡逻覆盖率”目标由≥95%降为≥90%（2022→2023），要求降低', '巡逻覆盖率'],
      ['target_lowered', '“响应时间”目标由≤15分钟升为≤20分钟（2022→2023），要求降低', '响应时间'],
    ]);
    expect(f.every((x) => x.filingId === b.record.id && x.year === 2023 && x.severity === 'warning')).toBe(true);
    expect(f.map((x) => [x.level1, x.level2])).toEqual([
      ['产出指标', '质量指标'],
      ['产出指标', '时效指标'],
    ]);
  });

  it('target_lowered stays silent on what asks more or is neither: a higher floor, a lower ceiling, an exact number, words, a range', () => {
    let y2023 = change(base2022, '巡逻里程', '≥5500公里'); // raised floor: stricter
    y2023 = change(y2023, '单公里成本', '≤35元'); // lowered ceiling: stricter
    y2023 = change(y2023, '治安状况', '有所改善'); // words: changed, neither
    y2023 = [...y2023, ind('产出指标/数量指标', '巡逻车辆', '20辆'), ind('产出指标/数量指标', '巡逻时长', '8-10小时')];
    const y2024 = change(change(y2023, '巡逻车辆', '15辆'), '巡逻时长', '6-8小时'); // exact and range: neither
    expect(codes([year(2022, base2022), year(2023, y2023), year(2024, y2024)])).toEqual([]);
  });

  it('target_lowered follows a renamed indicator, as compare years does, and says what it was called', () => {
    const y2023 = [...base2022.filter((i) => i.name !== '群众满意度'), ind('满意度指标/服务对象满意度指标', '群众满意程度', '≥85%')];
    expect(said(reviewFindings([year(2022, base2022), year(2023, y2023)]))).toEqual([
      ['target_lowered', '“群众满意程度”（2022年名为“群众满意度”）目标由≥90%降为≥85%（2022→2023），要求降低', '群众满意程度'],
    ]);
  });

  it('target_lowered compares with the previous year filed, and names it, where a year is missing', () => {
    const y2023 = change(base2022, '巡逻覆盖率', '≥92%');
    expect(said(reviewFindings([year(2021, base2022), year(2023, y2023)]))).toEqual([
      ['target_lowered', '“巡逻覆盖率”目标由≥95%降为≥92%（2021→2023），要求降低', '巡逻覆盖率'],
    ]);
  });

  it('target_lowered matches the project by its name without the year, and keeps departments apart', () => {
    const y2023 = change(base2022, '巡逻覆盖率', '≥90%');
    const named = [year(2022, base2022, { project: '2022年街面治安巡逻' }), year(2023, y2023, { project: '街面治安巡逻(2023年度)' })];
    expect(codes(named)).toEqual(['target_lowered']);
    const otherDepartment = [year(2022, base2022, { department: '江城市交通运输局' }), year(2023, y2023)];
    expect(codes(otherDepartment)).toEqual([]);
  });

  it('where a year is stored twice, the filing stored last stands for it, as in compare years', () => {
    const lowered = change(base2022, '巡逻覆盖率', '≥90%');
    // 2023 stored with a lowered target, then stored again corrected: nothing is lowered any more.
    const corrected = [year(2022, base2022), year(2023, lowered), year(2023, change(base2022, '巡逻里程', '≥5500公里'))];
    expect(codes(corrected)).toEqual([]);
  });

  it('targets_copied: every indicator of the year there the year before with the same target, in other words too', () => {
    const same = change(base2022, '群众满意度', '不低于90%');
    const [a, b] = [year(2022, base2022), year(2023, same)];
    const f = reviewFindings([a, b]);
    expect(said(f)).toEqual([['targets_copied', '全部6项指标的指标值与2022年的填报相同', null]]);
    expect(f[0]).toMatchObject({ filingId: b.record.id, severity: 'info' });
  });

  it('targets_copied: an indicator dropped from last year does not undo a copy; one added or changed does', () => {
    expect(codes([year(2022, base2022), year(2023, base2022.slice(1))])).toEqual(['targets_copied']);
    expect(codes([year(2022, base2022), year(2023, [...base2022, ind('产出指标/数量指标', '巡逻车辆', '20辆')])])).toEqual([]);
    expect(codes([year(2022, base2022), year(2023, change(base2022, '巡逻里程', '≥5500公里'))])).toEqual([]);
  });

  it('targets_copied needs a target: two years of blank targets are target_missing, not a copy', () => {
    const blank = base2022.map((i) => ({ ...i, target: null }));
    expect(codes([year(2022, blank), year(2023, blank)])).not.toContain('targets_copied');
  });

  it('a filing without a year, or a project filed once, has no year before', () => {
    expect(codes([year(2022, base2022), stored({ year: null, indicators: base2022 })])).toEqual([]);
    expect(codes([year(2023, base2022)])).toEqual([]);
  });
});

describe('the list', () => {
  it('is ordered by year, department and project (by code point, as `filings list` orders them), then by rule', () => {
    const noCostNoSatisfaction = CLEAN.filter((i) => i.level1 !== '成本指标' && i.level1 !== '满意度指标');
    const a = stored({ year: 2023, department: '乙局', indicators: noCostNoSatisfaction });
    const b = stored({ year: 2022, department: '甲局', project: '乙项目', indicators: noCostNoSatisfaction.slice(0, -1) });
    const c = stored({ year: 2022, department: '甲局', project: '甲项目', warnings: [{ code: 'funding_sum', message: 'total 3 is not fiscal + other (2)' }] });
    const f = reviewFindings([a, b, c]);
    // 乙 is U+4E59, 甲 U+7532.
    expect(f.map((x) => [x.year, x.project, x.code])).toEqual([
      [2022, '乙项目', 'no_cost_indicator'],
      [2022, '乙项目', 'no_satisfaction_indicator'],
      [2022, '甲项目', 'funding_sum'],
      [2023, '街面治安巡逻', 'no_cost_indicator'],
      [2023, '街面治安巡逻', 'no_satisfaction_indicator'],
    ]);
  });

  it('every finding is a valid Finding with the filing’s year, department and project', () => {
    const r = stored({ year: 2021, department: '江城市水务局', project: '河道保洁', indicators: [] });
    const f = reviewFindings([r]);
    expect(f.map((x) => x.code)).toEqual(['no_cost_indicator', 'no_satisfaction_indicator', 'no_quantitative_output']);
    for (const x of f) {
      expect(FindingSchema.parse(x)).toEqual(x);
      expect(x).toMatchObject({ filingId: r.record.id, year: 2021, department: '江城市水务局', project: '河道保洁' });
    }
  });
});

describe('the rules as documented', () => {
  it('every code has a Chinese meaning, and the README lists every code under its review section', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const start = readme.indexOf('## Review (filings review)');
    expect(start).toBeGreaterThan(0);
    const end = readme.indexOf('\n## ', start + 1);
    const section = readme.slice(start, end < 0 ? undefined : end);
    for (const code of RuleCode.options) {
      expect(RULE_MEANING[code], code).toMatch(/\p{Script=Han}/u);
      expect(section, code).toContain(`\`${code}\``);
    }
  });
});
