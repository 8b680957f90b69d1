// What the labels of a form mean. Keys are label keys (see labelKey): normalised, no spaces,
// no trailing colon, annotations such as (万元) or (50分) removed.
// Every table is a Map: a key is text from a form, and a form may say `constructor` or `__proto__`,
// which a plain object would answer from its prototype.
import type { Level1, Level2 } from '../schema.ts';

/**
 * A vocabulary table. A text longer than every label in it is answered without a lookup: the reader
 * asks about every cell, and hashing a long explanation costs more than the rest of the question.
 */
class LabelMap<V> extends Map<string, V> {
  private readonly longest: number;
  constructor(entries: Iterable<readonly [string, V]>) {
    super(entries);
    this.longest = Math.max(0, ...[...this.keys()].map((k) => k.length));
  }
  override get(key: string): V | undefined {
    return key.length > this.longest ? undefined : super.get(key);
  }
  override has(key: string): boolean {
    return key.length <= this.longest && super.has(key);
  }
}

class LabelSet extends Set<string> {
  private readonly longest: number;
  constructor(labels: Iterable<string>) {
    super(labels);
    this.longest = Math.max(0, ...[...this.values()].map((k) => k.length));
  }
  override has(key: string): boolean {
    return key.length <= this.longest && super.has(key);
  }
}

const table = <V>(entries: Record<string, V>): ReadonlyMap<string, V> => new LabelMap(Object.entries(entries));

// ---- indicator levels (spec: "Indicators", level table) ----

export const LEVEL1 = table<Level1>({
  产出指标: 'output',
  成本指标: 'cost',
  效益指标: 'benefit',
  满意度指标: 'satisfaction',
  效果指标: 'effect',
  影响力指标: 'influence',
});

/** Level-2 labels, with the level 1s they belong to, in the template's order. */
export const LEVEL2: { label: string; code: Level2; under: Level1[] }[] = [
  { label: '数量指标', code: 'quantity', under: ['output'] },
  { label: '质量指标', code: 'quality', under: ['output'] },
  { label: '时效指标', code: 'timeliness', under: ['output'] },
  { label: '进度指标', code: 'timeliness', under: ['output'] },
  { label: '成本指标', code: 'cost', under: ['output'] },
  { label: '经济成本指标', code: 'economic_cost', under: ['cost'] },
  { label: '社会成本指标', code: 'social_cost', under: ['cost'] },
  { label: '生态环境成本指标', code: 'environmental_cost', under: ['cost'] },
  { label: '经济效益指标', code: 'economic', under: ['benefit', 'effect'] },
  { label: '社会效益指标', code: 'social', under: ['benefit', 'effect'] },
  { label: '生态效益指标', code: 'ecological', under: ['benefit', 'effect'] },
  { label: '环境效益指标', code: 'ecological', under: ['benefit', 'effect'] },
  { label: '可持续影响指标', code: 'sustainability', under: ['benefit'] },
  { label: '服务对象满意度指标', code: 'satisfaction', under: ['benefit', 'satisfaction'] },
  { label: '社会公众或服务对象满意度指标', code: 'satisfaction', under: ['benefit', 'satisfaction', 'effect'] },
  { label: '满意度指标', code: 'satisfaction', under: ['satisfaction'] },
  { label: '长效管理指标', code: 'long_term_management', under: ['influence'] },
  { label: '人力资源指标', code: 'human_resources', under: ['influence'] },
  { label: '硬件条件指标', code: 'hardware', under: ['influence'] },
  { label: '信息共享指标', code: 'information_sharing', under: ['influence'] },
  { label: '档案管理指标', code: 'archives', under: ['influence'] },
];

// A label matches with or without its trailing 指标 (社会效益 = 社会效益指标): both spellings are keys.
const LEVEL1_BY_KEY = new LabelMap<Level1>([...LEVEL1].flatMap(([label, code]) => [[label, code], [label.replace(/指标$/u, ''), code]] as const));
const LEVEL2_BY_KEY = new LabelMap(
  LEVEL2.flatMap((entry, order) => [[entry.label, { entry, order }], [entry.label.replace(/指标$/u, ''), { entry, order }]] as const),
);

export function level1Of(key: string): Level1 | undefined {
  return LEVEL1_BY_KEY.get(key);
}

export function level2Of(key: string): (typeof LEVEL2)[number] | undefined {
  return LEVEL2_BY_KEY.get(key)?.entry;
}

export const level2Order = (key: string) => LEVEL2_BY_KEY.get(key)?.order ?? -1;

// ---- indicator table columns ----

export type ColumnRole = 'level1' | 'level2' | 'name' | 'target' | 'op' | 'unit' | 'explanation' | 'basis';

export const COLUMN_HEADERS = table<ColumnRole>({
  一级指标: 'level1', 一级绩效指标: 'level1', 一级: 'level1',
  二级指标: 'level2', 二级绩效指标: 'level2',
  三级指标: 'name', 三级指标名称: 'name', 指标名称: 'name', 指标内容: 'name', 绩效指标名称: 'name',
  指标值: 'target', 年度指标值: 'target', 指标值及单位: 'target', 目标值: 'target', 绩效目标值: 'target',
  年度目标值: 'target', 当年预期实现值: 'target', 预期指标值: 'target', 指标目标值: 'target', 年度绩效指标值: 'target',
  计算符号: 'op', 指标性质: 'op', 符号: 'op',
  计量单位: 'unit', 度量单位: 'unit',
  指标解释: 'explanation', 绩效标准: 'explanation', 公式或说明: 'explanation', 指标说明: 'explanation',
  目标值的确定: 'basis', 目标值确定依据: 'basis', 指标值确定依据: 'basis', 指标值设定依据: 'basis', 目标值设定依据: 'basis',
});

// ---- header fields ----

export type ProjectField = 'name' | 'category' | 'nature' | 'attribute' | 'department' | 'departmentCode' | 'implementingUnit';
export type DateField = 'plannedStart' | 'plannedEnd' | 'period';

export const PROJECT_LABELS = table<ProjectField>({
  项目名称: 'name', 项目支出名称: 'name',
  项目类别: 'category', 项目类型: 'category', 项目分类: 'category',
  项目性质: 'nature',
  项目属性: 'attribute',
  主管部门: 'department', 主管部门及代码: 'department', 主管部门及编码: 'department', 预算部门: 'department',
  业务主管部门: 'department', 主管部门名称: 'department',
  主管部门编码: 'departmentCode', 主管部门代码: 'departmentCode',
  实施单位: 'implementingUnit', 项目实施单位: 'implementingUnit', 项目单位: 'implementingUnit',
});

export const DATE_LABELS = table<DateField>({
  计划开始日期: 'plannedStart', 计划开始时间: 'plannedStart',
  计划完成日期: 'plannedEnd', 计划完成时间: 'plannedEnd', 计划结束日期: 'plannedEnd',
});
/** A period label: 项目起止时间, 项目实施期, 建设周期, and their spellings (项目支出实施期, …). */
export const PERIOD_LABEL = /^(?:项目)?(?:支出)?(?:起止时间|起止日期|实施期|实施周期|建设周期|项目周期|计划实施时间|项目计划实施时间)$/u;

export type FundingField = 'total' | 'fiscal' | 'other' | 'annualTotal' | 'annualAppropriation' | 'priorYearCarryover' | 'annualOther';
/** Labels whose block (the whole project's money, or this year's) is known from the label alone. */
export const FUNDING_LABELS = table<FundingField>({
  项目资金总额: 'total', 资金总额: 'total', 中期资金总额: 'total', 项目总资金: 'total', 项目总预算: 'total',
  '其中:财政资金': 'fiscal', 中期财政拨款: 'fiscal',
  中期其他资金: 'other',
  年度资金申请总额: 'annualTotal', 年度资金总额: 'annualTotal', 当年资金总额: 'annualTotal', 当年年度预算: 'annualTotal',
  '其中:当年财政拨款': 'annualAppropriation', 当年财政拨款: 'annualAppropriation', '其中:本年财政拨款': 'annualAppropriation',
  上年结转资金: 'priorYearCarryover', 上年结转: 'priorYearCarryover',
  当年其他资金: 'annualOther',
});
/** Labels that both blocks use; the block is told by where the label stands. */
export const FUNDING_SHARED = table<{ whole: FundingField; annual: FundingField }>({
  '其中:财政拨款': { whole: 'fiscal', annual: 'annualAppropriation' },
  财政拨款: { whole: 'fiscal', annual: 'annualAppropriation' },
  其他资金: { whole: 'other', annual: 'annualOther' },
  其它资金: { whole: 'other', annual: 'annualOther' },
  '其中:其他资金': { whole: 'other', annual: 'annualOther' },
  '其中:其它资金': { whole: 'other', annual: 'annualOther' },
});
export const FUNDING_BLOCK = (f: FundingField) => (f === 'total' || f === 'fiscal' || f === 'other' ? 'whole' : 'annual');
/** Unknown labels with an amount for value go to funding.extras when they name money. */
export const MONEY_WORDS = /资金|金额|预算|拨款|收入|经费|结转|结余|投入|资本|基金/u;
/** …but a code or a rate beside a money word is not an amount (财政资金科目代码, 预算执行率). */
export const NOT_MONEY = /代码|编码|编号|科目|率|分类|类别|比例/u;

export type GoalField = 'overall' | 'annual';
export const GOAL_LABELS = table<GoalField>({
  项目总目标: 'overall', 项目总体目标: 'overall', 总体目标: 'overall', 中长期目标: 'overall', 中期目标: 'overall',
  长期目标: 'overall', 实施期绩效目标: 'overall', 总目标: 'overall', 实施期目标: 'overall', 项目总体绩效目标: 'overall',
  年度总目标: 'annual', 年度总体目标: 'annual', 年度目标: 'annual', 本年度绩效目标: 'annual', 本年度目标: 'annual',
  年度绩效目标: 'annual', 年度主要目标和成果: 'annual', 项目年度绩效目标: 'annual',
  // A vertical label 年⏎度⏎目⏎标 that an HTML export cut short.
  年度: 'annual',
});

/** Labels that only head a part of the form; recognised, carrying no value of their own. */
export const SECTION_LABELS: ReadonlySet<string> = new LabelSet([
  '项目资金', '项目资金申请', '资金情况', '项目预算', '资金来源', '项目绩效目标', '绩效目标', '项目绩效目标描述', '绩效指标',
  '年度绩效指标', '本年度绩效指标', '长期绩效指标', '总目标绩效指标', '绩效项目指标表', '项目年度绩效目标衡量指标',
  '绩效指标表', '年度绩效目标', '绩', '绩效',
]);

/** Rows after the indicators that close the block: review and signature lines. */
export const FOOTER_LABEL = /审核意见|填表人|填报人|单位负责人|财务负责人|项目负责人|填报日期|联系电话|其他说明|备注|审批意见|盖章/u;
