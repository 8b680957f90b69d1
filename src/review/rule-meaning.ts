// What each review rule checks and why an auditor cares, one Chinese line per code: the legend under
// a review report, and the README's list of rules says the same.
import type { RuleCode } from './finding.ts';

export const RULE_MEANING: Record<RuleCode, string> = {
  no_cost_indicator: '没有成本指标（一级或二级）：看不出花多少钱办多少事，资金使用的经济性无从评价。',
  no_satisfaction_indicator: '没有满意度指标（一级或二级）：服务对象是否认可无从衡量，效果缺少受益人的评价。',
  no_quantitative_output: '产出指标中没有数值或区间目标：做了多少、做到什么程度无法核对，年终考核无据可依。',
  mostly_qualitative: '已填指标值中一半以上是定性描述（如“明显改善”）：目标难以量化考核；未填的指标值不计入。',
  target_lowered: '同一项目的指标比上一年度填报的要求低（下限调低或上限调高）：目标放松，需要说明理由。',
  targets_copied: '全部指标值与同一项目上一年度的填报相同：可能照抄上年，目标没有随实际情况调整。',
  empty_group: '表上列出指标组却没有填指标：填报不完整，该方面的绩效无从考核。',
  funding_sum: '资金总额不等于各项来源之和：金额填错或漏填资金来源，预算数需核实。',
  dates_order: '计划完成日期早于计划开始日期：实施期填错，进度无法考核。',
  duplicate_indicator: '同一指标组下同名指标填了不止一次：重复填报或名称写错，指标数虚高。',
  target_missing: '指标没有填指标值：该指标无法考核。',
};
