// The Chinese the workspace shows for the API's stable English codes.

export const RULE_LABELS: Record<string, string> = {
  no_cost_indicator: '缺成本指标',
  no_satisfaction_indicator: '缺满意度指标',
  no_quantitative_output: '产出无量化指标',
  mostly_qualitative: '定性指标过半',
  target_lowered: '指标要求降低',
  targets_copied: '照抄上年',
  empty_group: '空指标组',
  funding_sum: '资金合计不符',
  dates_order: '日期顺序不对',
  duplicate_indicator: '指标重复',
  target_missing: '缺指标值',
};

export const ruleLabel = (code: string): string => RULE_LABELS[code] ?? code;

export const SEVERITY_LABELS: Record<string, string> = { warning: '需关注', info: '提示' };

export const CHANGE_LABELS: Record<string, string> = {
  added: '新增',
  removed: '删除',
  raised: '调高',
  lowered: '调低',
  unchanged: '未变',
  changed: '改动',
};

export function changeLabel(kind: string, stricter: boolean | null): string {
  const base = CHANGE_LABELS[kind] ?? kind;
  return stricter === true ? `${base}（要求提高）` : stricter === false ? `${base}（要求降低）` : base;
}

export type Role = 'uploader' | 'auditor' | 'admin';

export const ROLE_LABELS: Record<Role, string> = { uploader: '上传者', auditor: '审核员', admin: '管理员' };

export const STATUS_LABELS: Record<string, string> = { queued: '排队中', processing: '处理中', stored: '已入库', failed: '失败' };

export const SCOPE_LABELS: Record<string, string> = { total: '整体', unit: '单位量' };

export const DIRECTION_LABELS: Record<string, string> = { floor: '下限', ceiling: '上限', exact: '等于' };

export const HORIZON_LABELS: Record<string, string> = { annual: '年度', overall: '总体' };

/**
 * Why a file could not be read, as a filer should read it, by the API's error code (parsers/errors.ts);
 * the reader's own one-line detail (in English, with the limits and parts it names) stays beside it.
 */
export const FAILURE_LABELS: ReadonlyMap<string, string> = new Map([
  ['empty_file', '文件是空的'],
  ['too_large', '文件或其中的表格超出导入上限'],
  ['too_complex', '文件结构过于复杂，无法读取'],
  ['zip_bomb', '文件解压后体积异常（疑似压缩炸弹），已拒收'],
  ['unsupported_format', '不是 Word、Excel 或 Markdown 文件'],
  ['corrupt', '文件已损坏或不完整，请重新导出后再上传'],
  ['encrypted', '文件设有密码，请另存为无密码的副本后再上传'],
  ['no_form', '文件中没有找到绩效目标表'],
  ['other_form', '这是其他种类的表（如绩效自评表、部门整体支出表），不是项目绩效目标表'],
  ['invalid_record', '表格读出的内容不完整，未通过校验'],
  ['unreadable', '无法读取该文件'],
  ['timeout', '读取超时，文件可能过大或过于复杂'],
  ['memory_limit', '读取所需内存超出上限，文件可能过大'],
]);
