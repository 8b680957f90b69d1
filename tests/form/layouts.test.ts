// Layouts from templates.md that the fixture families do not cover, as the Markdown a lossy
// conversion of a web page gives; each test checks what an auditor would look at.
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { readRecords } from '../../src/read-records.ts';
import { root } from '../helpers/cli.ts';

const read = async (name: string) => {
  const file = path.join(root, 'tests/form/layouts', name);
  return (await readRecords(fs.readFileSync(file), file)).records;
};

it('鄂州 §G: 一级指标 holds 数量指标…, 二级指标 the names, 绩效标准 explains, 当年预期实现值 is the target', async () => {
  const [r] = await read('ezhou-2022-g.md');
  expect(r.form).toEqual({ title: '鄂州市市直部门预算项目支出绩效目标表', fiscalYear: 2022 });
  expect(r.project).toMatchObject({ name: '城区绿化养护', category: '本级支出项目', nature: '持续性项目' });
  expect(r.goals.annual).toBe('保障城区绿地养护质量');
  expect(r.indicators.map((i) => [i.level1Code, i.level2Code, i.name, i.target?.raw, i.explanation])).toEqual([
    ['output', 'quantity', '养护面积', '≥200万平方米', '反映养护面积情况'],
    ['output', 'quality', '绿地完好率', '>92%', '反映绿地完好情况'],
    ['output', 'cost', '养护成本', '≤300万元', '反映成本控制'],
  ]);
  // The cost breakdown table inside the header is no label/value list: kept whole in unmapped.
  expect(r.unmapped.map((u) => u.text)).toEqual([
    '项目预算成本构成', '金额', '测算(公式)依据', '2020年实际执行数', '2021年实际执行数',
    '人工费', '300', '按合同', '280', '290', '合计', '300', '280', '290',
  ]);
  expect(r.project.extras).toEqual({ 立项依据: '《鄂州市城市绿化条例》', 保障绩效目标实现措施: '加强考核', 主管部门审核意见: null });
});

it('宁乡 §B: funding written as prose, and separate 长期 / 年度 indicator tables joined into one form', async () => {
  const records = await read('ningxiang-2021-b.md');
  expect(records).toHaveLength(1);
  const [r] = records;
  expect(r.source.locator).toBe('tables 1-3');
  expect(r.project).toMatchObject({ name: '坝塘镇道路维护', implementingUnit: '坝塘镇人民政府', attribute: '延续项目', plannedStart: '2021-01-01', plannedEnd: '2021-12-31' });
  expect(r.funding).toMatchObject({ annualTotal: 10606.7522, annualAppropriation: 10606.7522, annualOther: 0, extras: { 自有资金: 0 } });
  expect(r.indicators.map((i) => [i.horizon, i.level2Code, i.name])).toEqual([
    ['overall', 'quantity', '维护道路里程'],
    ['overall', 'social', '群众出行便利'],
    ['annual', 'quantity', '年度维护道路里程'],
    ['annual', 'satisfaction', '群众满意度'],
  ]);
  expect(r.indicators[3].level1Code).toBe('benefit');
  expect(r.unmapped.map((u) => u.text)).toEqual(['备注', '备注']);
});

it('§L: a period written over three cells (20210101 | 到 | 20211231)', async () => {
  const [r] = await read('scored-2021-l.md');
  expect(r.project).toMatchObject({ name: '乡村道路养护', plannedStart: '2021-01-01', plannedEnd: '2021-12-31', extras: {} });
  expect(r.unmapped).toEqual([]);
});

it('§A in a lossy 8-column conversion: labels and values spanning two columns written as blank cells', async () => {
  const [r] = await read('putuo-8col-lossy.md');
  expect(r.project).toMatchObject({
    name: '真如城市副中心配套道路', nature: '阶段性项目', category: '特定目标类',
    department: '上海市普陀区建设和管理委员会', implementingUnit: '上海市普陀区市政工程建设管理中心',
    plannedStart: '2024-01-01', plannedEnd: '2026-12-31',
  });
  // 项目资金（元）: 3,498,000.00 元 is 349.8 万元.
  expect(r.funding).toMatchObject({ total: 349.8, fiscal: 349.8, other: 0, annualTotal: 349.8, annualAppropriation: 349.8, priorYearCarryover: 0, annualOther: 0 });
  expect(r.goals).toEqual({ overallPeriod: '2024-2026', overall: '完成配套道路建设。', annual: '完成年度建设任务。' });
  expect(r.indicators.map((i) => [i.level2Code, i.name, i.target?.raw])).toEqual([
    ['quantity', '道路长度', '985米'],
    ['quality', '验收合格率', '=100.00(%)'],
    ['social', '通行能力', '提升'],
    ['satisfaction', '居民满意度', '≥90.00(%)'],
  ]);
  expect(r.unmapped).toEqual([]);
});

it('an indicator named like a group (服务对象满意度) in the 三级指标 column is a name, not a label', async () => {
  const [r] = await read('name-like-label.md');
  expect(r.indicators.map((i) => [i.level2Code, i.name, i.target?.raw])).toEqual([
    ['quantity', '社会效益', '10个'],
    ['satisfaction', '服务对象满意度', '≥90%'],
  ]);
  expect(r.emptyGroups).toEqual([]);
  expect(r.unmapped).toEqual([]);
});

it('two forms one under another in one table (a web page flattened) give two records', async () => {
  const records = await read('stacked-two-forms.md');
  expect(records.map((r) => [r.source.locator, r.source.formIndex, r.project.name, r.funding.annualTotal, r.indicators.length])).toEqual([
    ['table 1', 0, '甲项目', 10, 2],
    ['table 1 form 2', 1, '乙项目', 20, 1],
  ]);
  // The second form's title and year rows open it, not the first form's indicator block.
  expect(records[1].form).toEqual({ title: '项目支出绩效目标表', fiscalYear: 2025 });
  expect(records.flatMap((r) => r.unmapped)).toEqual([]);
});
