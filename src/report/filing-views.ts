// One filing as an auditor reads it, in Chinese: the header, the funding block, the goals, the
// indicator tree with targets, the groups left empty, the review findings, and every file name the
// form was imported under. One view per part, so that the screen, CSV and xlsx show the same.
import type { FilingRecord } from '../schema.ts';
import type { UploadName } from '../store/store.ts';
import { col, number, text, type ReportCell, type ReportView } from './view.ts';

/** A finding as the filing view shows it (the review module makes them). */
export interface FindingLine {
  code: string;
  message: string;
  indicator: string | null;
}

const FORMAT_NAME: Record<FilingRecord['source']['format'], string> = {
  docx: 'Word（.docx）',
  doc: 'Word 97-2003（.doc）',
  xlsx: 'Excel（.xlsx）',
  xls: 'Excel 97-2003（.xls）',
  md: 'Markdown',
};

const pair = (label: string, value: string | null): ReportCell[] => [text(label), text(value ?? '—')];

export function filingViews(record: FilingRecord, names: UploadName[], findings: FindingLine[]): ReportView[] {
  const p = record.project;
  const f = record.funding;
  const header: ReportView = {
    name: '概况',
    file: 'header',
    title: `${p.name ?? '（无项目名称）'}：${record.form.fiscalYear ?? '年度不详'}年度${record.form.title ? `，${record.form.title}` : ''}`,
    columns: [col('项目'), col('内容', 'text', 70)],
    rows: [
      pair('项目名称', p.name),
      pair('年度', record.form.fiscalYear === null ? null : String(record.form.fiscalYear)),
      pair('主管部门', p.department === null ? null : p.department + (p.departmentCode ? `（${p.departmentCode}）` : '')),
      pair('实施单位', p.implementingUnit),
      pair('项目类别', p.category),
      pair('项目性质', p.nature),
      pair('项目属性', p.attribute),
      pair('计划开始日期', p.plannedStart),
      pair('计划完成日期', p.plannedEnd),
      ...Object.entries(p.extras).map(([label, value]) => pair(label, value)),
      pair('编号', record.id),
    ],
    notes: [],
  };
  const amount = (label: string, value: number | null): ReportCell[] => [text(label), number(value)];
  const funding: ReportView = {
    name: '资金',
    file: 'funding',
    title: '项目资金（万元）',
    columns: [col('项目'), col('金额（万元）', 'number')],
    rows: [
      amount('项目资金总额', f.total),
      amount('其中：财政资金', f.fiscal),
      amount('其中：其他资金', f.other),
      amount('年度资金申请总额', f.annualTotal),
      amount('其中：当年财政拨款', f.annualAppropriation),
      amount('其中：上年结转资金', f.priorYearCarryover),
      amount('其中：其他资金（年度）', f.annualOther),
      ...Object.entries(f.extras).map(([label, value]) => amount(label, value)),
    ],
    notes: [],
  };
  const goals: ReportView = {
    name: '目标',
    file: 'goals',
    title: '绩效目标',
    columns: [col('目标'), col('内容', 'text', 70)],
    rows: [
      pair(`总体目标${record.goals.overallPeriod ? `（${record.goals.overallPeriod}）` : ''}`, record.goals.overall),
      pair('年度目标', record.goals.annual),
    ],
    notes: [],
  };
  const overall = record.indicators.some((i) => i.horizon === 'overall');
  const indicators: ReportView = {
    name: '指标',
    file: 'indicators',
    title: `绩效指标：${record.indicators.length} 项`,
    columns: [
      ...(overall ? [col('期间')] : []),
      col('一级指标', 'text', 12),
      col('二级指标', 'text', 14),
      col('三级指标', 'text', 24),
      col('指标值', 'text', 16),
      col('指标解释', 'text', 30),
      col('确定依据', 'text', 14),
    ],
    rows: record.indicators.map((i) => [
      ...(overall ? [text(i.horizon === 'overall' ? '总体' : '年度')] : []),
      text(i.level1),
      text(i.level2),
      text(i.name),
      text(i.target?.raw ?? '（空）', i.target ? undefined : 'empty'),
      text(i.explanation),
      text(i.basis),
    ]),
    notes: [],
  };
  const empty: ReportView = {
    name: '空指标组',
    file: 'empty-groups',
    title: `表上列出但未填指标的指标组：${record.emptyGroups.length} 个`,
    columns: [col('一级指标'), col('二级指标')],
    rows: record.emptyGroups.map((g) => [text(g.level1), text(g.level2, 'empty')]),
    notes: [],
  };
  const review: ReportView = {
    name: '审查发现',
    file: 'findings',
    title: `审查发现：${findings.length} 条`,
    columns: [col('规则'), col('说明', 'text', 70), col('指标', 'text', 20)],
    rows: findings.map((x) => [text(x.code), text(x.message), text(x.indicator)]),
    notes: [],
  };
  const files: ReportView = {
    name: '文件',
    file: 'files',
    title: `导入时的文件：${names.length} 个名称（同一内容只存一份）`,
    columns: [col('文件名'), col('路径', 'text', 60), col('首次导入'), col('最近导入')],
    rows: names.map((n) => [text(n.fileName), text(n.path), text(n.firstSeen.slice(0, 19).replace('T', ' ')), text(n.lastSeen.slice(0, 19).replace('T', ' '))]),
    notes: [`表在文件中的位置：${record.source.locator}；格式：${FORMAT_NAME[record.source.format]}；SHA-256：${record.source.sha256}`],
  };
  return [header, funding, goals, indicators, ...(record.emptyGroups.length ? [empty] : []), review, files];
}
