// `filings review` through the real CLI on the review fixtures (scripts/fixtures/forms/review.ts):
// each rule finds its case in the filing built for it, and nothing else; the filings built to break
// nothing, and the first years of the two-year projects, stay silent.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { filings, fixture } from '../helpers/cli.ts';
import { csvRows } from '../helpers/csv.ts';
import { storeEnv } from '../helpers/store-cli.ts';
import { tmpDir } from '../helpers/tmp.ts';
import { postgresBackend, sqliteBackend, type Backend } from '../store/backends.ts';


interface Finding {
  filingId: string;
  code: string;
  severity: string;
  message: string;
  indicator: string | null;
  year: number | null;
  department: string | null;
  project: string | null;
}

// What each fixture says, written from the forms (see the head of scripts/fixtures/forms/review.ts).
const EXPECTED: [file: string, code: string, indicator: string | null, message: string][] = [
  ['lowered-2023.docx', 'target_lowered', '站亭巡查覆盖率', '“站亭巡查覆盖率”目标由≥95%降为≥90%（2022→2023），要求降低'],
  ['lowered-2023.docx', 'target_lowered', '故障修复时间', '“故障修复时间”目标由≤48小时升为≤72小时（2022→2023），要求降低'],
  ['copied-2023.md', 'targets_copied', null, '全部6项指标的指标值与2022年的填报相同'],
  ['no-cost.md', 'no_cost_indicator', null, '成本指标下没有指标'],
  ['no-satisfaction.md', 'no_satisfaction_indicator', null, '满意度指标下没有指标'],
  ['no-quantitative.md', 'no_quantitative_output', null, '产出指标的3项指标值都不是数值或区间'],
  ['qualitative.md', 'mostly_qualitative', null, '6项指标值中有5项是定性描述'],
  ['empty-group.docx', 'empty_group', null, '“成本指标 / 社会成本指标”列在表上，但没有填指标'],
  ['funding-sum.md', 'funding_sum', null, '项目资金总额300万元，不等于财政资金与其他资金之和250万元'],
  ['dates-order.md', 'dates_order', null, '计划完成日期2023-03-31早于计划开始日期2023-12-01'],
  ['target-missing.md', 'target_missing', '监测数据上报及时率', '“监测数据上报及时率”没有填指标值'],
  ['duplicate.md', 'duplicate_indicator', '检查企业数', '“检查企业数”在数量指标下填了2次'],
];
const SILENT = ['clean-2022.md', 'clean-2023.docx', 'lowered-2022.md', 'copied-2022.docx'];

const sorted = <T>(xs: T[]) => [...xs].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
const said = (findings: Finding[], fileOf: Map<string, string>) => sorted(findings.map((f) => [fileOf.get(f.filingId), f.code, f.indicator, f.message]));

describe.each([sqliteBackend(), postgresBackend()])('$name store', (backend: Backend) => {
  const tmp = tmpDir('filings-review-');
  let env: NodeJS.ProcessEnv;
  /** Filing id → the fixture file it was read from. */
  const fileOf = new Map<string, string>();

  async function reviewJson(...args: string[]): Promise<Finding[]> {
    const run = await filings(['review', ...args, '--json'], env);
    expect(run.code, run.stderr).toBe(0);
    return (JSON.parse(run.stdout) as { findings: Finding[] }).findings;
  }

  beforeAll(async () => {
    await backend.start();
    env = storeEnv(await backend.fresh(), path.join(tmp.dir, 'uploads'));
    const run = await filings(['import', fixture('review')], env);
    expect(run.stderr).toMatch(/15 forms stored from 15 files/);
    expect(run.code, run.stderr).toBe(0);
    const list = await filings(['list', '--json'], env);
    for (const f of (JSON.parse(list.stdout) as { filings: { id: string; fileName: string }[] }).filings) fileOf.set(f.id, f.fileName);
    expect(fileOf.size).toBe(15);
  }, 120_000);
  afterAll(async () => {
    await backend.stop();
    tmp.remove();
  });

  it('finds each rule’s case in the filing built for it, and nothing else', async () => {
    const findings = await reviewJson();
    expect(said(findings, fileOf)).toEqual(sorted(EXPECTED));
    const lowered = findings.find((f) => f.code === 'target_lowered')!;
    expect(lowered).toMatchObject({ year: 2023, department: '江城市交通运输局', project: '公交站亭巡查维护', severity: 'warning' });
    expect(findings.find((f) => f.code === 'targets_copied')!.severity).toBe('info');
  });

  it('stays silent on the clean filings and on the first year of each two-year project', async () => {
    const findings = await reviewJson();
    const files = new Set(findings.map((f) => fileOf.get(f.filingId)));
    for (const file of SILENT) expect(files.has(file), file).toBe(false);
    expect(await reviewJson('--project', '街面治安巡逻')).toEqual([]);
  });

  it('with --year 2023 still holds 2023 against the 2022 filings it leaves out', async () => {
    const findings = await reviewJson('--year', '2023', '--code', 'target_lowered,targets_copied');
    expect(said(findings, fileOf)).toEqual(sorted(EXPECTED.filter(([, code]) => code === 'target_lowered' || code === 'targets_copied')));
    expect(await reviewJson('--year', '2022')).toEqual([]);
  });

  it('prints the table with the legend of the rules that found something, and the count on stderr', async () => {
    const run = await filings(['review', '--project', '公交站亭', '--code', 'target_lowered'], env);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('filings: 2 findings in 2 filings\n');
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('审查发现：2 条，涉及 1 份填报表（共审查 2 份）');
    expect(lines.find((l) => l.startsWith('年度'))).toMatch(/^年度\s+部门\s+项目\s+规则\s+说明\s+指标\s+编号$/);
    expect(lines.filter((l) => /^2023\s+江城市交通运输局\s+公交站亭巡查维护\s+target_lowered\s/.test(l))).toHaveLength(2);
    expect(run.stdout).toContain('  target_lowered：同一项目的指标比上一年度填报的要求低');
  });

  it('--csv and --xlsx write the same table, with Chinese headers and the legend in the workbook', async () => {
    const csv = path.join(tmp.dir, 'review.csv');
    const xlsx = path.join(tmp.dir, 'review.xlsx');
    const run = await filings(['review', '--csv', csv, '--xlsx', xlsx], env);
    expect(run.code, run.stderr).toBe(0);
    const [head, ...rows] = csvRows(csv);
    expect(head).toEqual(['年度', '部门', '项目', '规则', '说明', '指标', '编号']);
    expect(sorted(rows.map((r) => [r[3], r[5] || null, r[4]]))).toEqual(sorted(EXPECTED.map(([, code, indicator, message]) => [code, indicator, message])));
    expect(rows.every((r) => r[0] === '2023')).toBe(true);

    const wb = XLSX.read(fs.readFileSync(xlsx));
    expect(wb.SheetNames).toEqual(['审查发现', '说明']);
    const sheet = XLSX.utils.sheet_to_json<string[]>(wb.Sheets[wb.SheetNames[0]], { header: 1, defval: '' });
    expect(sheet).toHaveLength(EXPECTED.length + 1);
    const notes = XLSX.utils.sheet_to_json<string[]>(wb.Sheets[wb.SheetNames[1]], { header: 1, defval: '' }).map((r) => r[1]);
    expect(notes.filter((n) => /^[a-z_]+：/.test(n))).toHaveLength(new Set(EXPECTED.map(([, code]) => code)).size);
  });

  it('an unknown rule code is a usage error: exit 2, one line, nothing on stdout', async () => {
    const run = await filings(['review', '--code', 'target_lowered', 'no_such_rule', '--json'], env);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^filings: .*no_such_rule/);
  });

  it('list --findings keeps the filings with a finding, of the rules asked for', async () => {
    const list = async (...args: string[]) => {
      const run = await filings(['list', '--json', ...args], env);
      expect(run.code, run.stderr).toBe(0);
      return (JSON.parse(run.stdout) as { filings: { fileName: string }[] }).filings.map((f) => f.fileName).sort();
    };
    expect(await list('--findings')).toEqual([...new Set(EXPECTED.map(([file]) => file))].sort());
    expect(await list('--findings', 'no_cost_indicator', 'target_lowered')).toEqual(['lowered-2023.docx', 'no-cost.md']);
    expect(await list('--warnings')).toEqual(['dates-order.md', 'duplicate.md', 'funding-sum.md', 'target-missing.md']);
  });

  it('show lists the filing\'s findings, the year-to-year ones too', async () => {
    const id = [...fileOf].find(([, file]) => file === 'lowered-2023.docx')![0];
    const run = await filings(['show', id.slice(0, 12), '--json'], env);
    expect(run.code, run.stderr).toBe(0);
    const shown = JSON.parse(run.stdout) as { findings: Finding[] };
    expect(shown.findings.map((f) => [f.code, f.indicator]).sort()).toEqual([
      ['target_lowered', '故障修复时间'],
      ['target_lowered', '站亭巡查覆盖率'],
    ]);
    const text = await filings(['show', id.slice(0, 12)], env);
    expect(text.stdout).toContain('审查发现：2 条');
    expect(text.stdout).toContain('“站亭巡查覆盖率”目标由≥95%降为≥90%（2022→2023），要求降低');
  });
});
