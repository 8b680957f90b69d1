// A filing form as Markdown, shaped like fixtures/seed.md, with the texts a test wants in it: hostile
// input has to go through the same reader as real forms. Texts are escaped so that Markdown keeps
// them literally (`__proto__` would otherwise be bold `proto`, a `|` would split the cell).
export interface FormTexts {
  project?: string;
  department?: string;
  year?: number;
  /** 项目资金总额, as written. */
  total?: string;
  /** Extra label | value rows in the header, above 项目名称. */
  fields?: [string, string][];
  /** Lines printed above the table. */
  above?: string[];
  /** Indicators under 产出指标 / 数量指标: name, target, and explanation and basis if not the usual. */
  indicators?: [string, string, string?, string?][];
}

export const markdownText = (s: string) => s.replace(/[\\`*_[\]<>|~]/g, '\\$&');

const row = (cells: string[]) => `| ${[...cells, ...Array(7 - cells.length).fill('')].join(' | ')} |`;

export function markdownForm(t: FormTexts = {}): string {
  const year = t.year ?? 2021;
  const indicators: FormTexts['indicators'] & {} = t.indicators ?? [['特种保安巡逻覆盖率', '100%']];
  return [
    ...(t.above ?? []).map(markdownText),
    '',
    row(['财政项目支出绩效目标填报表']),
    '|---|---|---|---|---|---|---|',
    row([`(${year}年度)`]),
    ...(t.fields ?? []).map(([label, value]) => row([markdownText(label), markdownText(value)])),
    row(['项目名称', markdownText(t.project ?? '(派出所)特保费用'), '项目类别', '经常性项目']),
    row(['主管部门', markdownText(t.department ?? '上海市闵行区古美路街道'), '实施单位', '派出所']),
    row(['计划开始日期', `${year}-01-01`, '计划完成日期', `${year}-12-31`]),
    row(['项目资金 (万元)', '项目资金总额', markdownText(t.total ?? '638.7279'), '年度资金申请总额', '638.7279']),
    row(['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '指标解释', '目标值的确定']),
    ...indicators.map(([name, target, explanation = '考察完成情况。', basis = '合同文件'], i) =>
      row(['', i === 0 ? '产出指标' : '', i === 0 ? '数量指标' : '', ...[name, target, explanation, basis].map(markdownText)]),
    ),
    '',
  ].join('\n');
}
