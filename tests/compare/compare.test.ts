// The auditors' comparisons on the comparison fixtures (scripts/fixtures/forms/compare.ts), imported
// through the real CLI into each store and read back through the real CLI, as an auditor works.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { compareProject, findProject } from '../../src/compare/project-years.ts';
import { openStore } from '../../src/store/open.ts';
import { filings, fixture } from '../helpers/cli.ts';
import { storeEnv } from '../helpers/store-cli.ts';
import { tmpDir } from '../helpers/tmp.ts';
import { postgresBackend, sqliteBackend, type Backend, type TestDb } from '../store/backends.ts';

/** A CSV the CLI wrote, as rows of cell texts (read by SheetJS, not by our writer). */
function readCsv(file: string): string[][] {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf])); // the BOM Excel needs to see UTF-8
  const wb = XLSX.read(bytes.subarray(3).toString('utf8'), { type: 'string', raw: true });
  return XLSX.utils.sheet_to_json<string[]>(wb.Sheets[wb.SheetNames[0]], { header: 1, raw: false, defval: '' });
}

/** The year-to-year changes of the road project, exactly: everything not listed is unchanged. */
const ROAD_CHANGES = [
  ['道路完好率', '2021→2022', '调高（要求提高）'],
  ['养护成本', '2021→2022', '调低（要求提高）'],
  ['群众满意程度', '2021→2022', '改名，未变'],
  ['智慧巡查覆盖率', '2022→2023', '新增'],
  ['病害处置及时率', '2022→2023', '删除'],
];

describe.each([sqliteBackend(), postgresBackend()])('$name store', (backend: Backend) => {
  const tmp = tmpDir('filings-compare-');
  let db: TestDb;
  let env: NodeJS.ProcessEnv;
  const out = (name: string) => path.join(tmp.dir, `${backend.name}-${name}`);

  beforeAll(async () => {
    await backend.start();
    db = await backend.fresh();
    env = storeEnv(db, path.join(tmp.dir, 'uploads'));
    const run = await filings(['import', fixture('compare')], env);
    expect(run.stderr).toMatch(/6 forms stored from 4 files/);
  }, 120_000);
  afterAll(async () => {
    await backend.stop();
    tmp.remove();
  });

  it('finds the project across years by its name without the year, and reports exactly its changes', async () => {
    const store = await openStore(db.opts);
    try {
      const ids = findProject(await store.listFilings(), { project: '2022年城区道路养护' }).map((s) => s.id);
      const c = compareProject(await store.records(ids));
      expect(c).toMatchObject({ project: '城区道路养护', department: '江城市城市管理局', departmentCode: '301001', years: [2021, 2022, 2023] });
      expect(c.filings.map((f) => f.file)).toEqual(['road-2021.md', 'road-2022.docx', 'road-2023.xlsx']);
      const changes = c.rows.flatMap((r) =>
        r.transitions.filter((t) => t.kind !== 'unchanged' || t.renamed).map((t) => ({ name: r.name, from: t.from, to: t.to, kind: t.kind, stricter: t.stricter, renamed: t.renamed?.from ?? null })),
      );
      expect(changes).toEqual([
        { name: '道路完好率', from: 2021, to: 2022, kind: 'raised', stricter: true, renamed: null },
        { name: '智慧巡查覆盖率', from: 2022, to: 2023, kind: 'added', stricter: null, renamed: null },
        { name: '病害处置及时率', from: 2022, to: 2023, kind: 'removed', stricter: null, renamed: null },
        { name: '养护成本', from: 2021, to: 2022, kind: 'lowered', stricter: true, renamed: null },
        { name: '群众满意程度', from: 2021, to: 2022, kind: 'unchanged', stricter: null, renamed: '群众满意度' },
      ]);
      expect(c.rows).toHaveLength(7);
    } finally {
      await store.close();
    }
  });

  it('`filings compare years` prints the indicators by year with each change, the similar name shown as such', async () => {
    const run = await filings(['compare', 'years', '--project', '城区道路养护'], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // A row with its wrapped continuation lines (they start with blanks) as one line.
    const line = (name: string) => {
      const lines = run.stdout.split('\n');
      const at = lines.findIndex((l) => l.startsWith(name));
      if (at < 0) return '';
      let end = at + 1;
      while (end < lines.length && /^\s+\S/.test(lines[end])) end++;
      return lines.slice(at, end).map((l) => l.trim()).join(' ');
    };
    expect(line('道路完好率')).toMatch(/≥90%\s+≥95% ↑\s+≥95%\s+调高（要求提高） ↑\s+未变\s+调高（要求提高） ↑\s+同名/);
    expect(line('养护成本')).toMatch(/≤300万元\s+≤280万元 ↓\s+≤280万元\s+调低（要求提高） ↓/);
    expect(line('群众满意程度')).toMatch(/改名，未变 .*名称相近 群众满意度 →.*群众满意程度（0\.67）/);
    expect(line('道路养护面积')).toMatch(/≥120万平方米\s+不低于120万平方米\s+≥120万平方米\s+未变\s+未变/);
  });

  it('--csv holds the same table, and only the known changes differ from unchanged', async () => {
    const file = out('road.csv');
    const run = await filings(['compare', 'years', '--project', '城区道路养护', '--department', '301001', '--csv', file], env);
    expect(run.code).toBe(0);
    const [head, ...rows] = readCsv(file);
    expect(head).toEqual(['指标', '指标组', '2021', '2022', '2023', '2021→2022', '2022→2023', '2021→2023（首尾）', '对应方式']);
    const changes = rows.flatMap((r) =>
      [5, 6].filter((i) => r[i] !== '未变' && r[i] !== '').map((i) => [r[0], head[i], r[i]]),
    );
    expect(changes.sort()).toEqual([...ROAD_CHANGES].sort());
    expect(fs.existsSync(out('road.filings.csv'))).toBe(true);
  });

  it('the departments of one year: a matrix of groups with the empty 成本指标 marked', async () => {
    const file = out('depts.csv');
    const run = await filings(['compare', 'departments', '--year', '2023', '--csv', file], env);
    expect(run.code).toBe(0);
    const [head, ...rows] = readCsv(file);
    const cost = head.indexOf('成本指标');
    const byDept = Object.fromEntries(rows.map((r) => [r[0], r[cost]]));
    expect(byDept).toEqual({ 江城市教育局: '1', 江城市卫生健康委员会: '空', 江城市民政局: '1', 江城市城市管理局: '1' });
    expect(rows.find((r) => r[0] === '江城市民政局')![head.indexOf('时效指标')]).toBe('-'); // not on its form at all
    expect(readCsv(out('depts.empty-groups.csv'))).toEqual([
      ['部门', '项目', '指标组'],
      ['江城市卫生健康委员会', '基层医疗设备购置', '成本指标'],
    ]);
  });

  it('one group’s targets side by side, with the spread', async () => {
    const file = out('satisfaction.csv');
    const run = await filings(['compare', 'departments', '--year', '2023', '--group', '服务对象满意度指标', '--csv', file], env);
    expect(run.code).toBe(0);
    const targets = readCsv(out('satisfaction.targets.csv'));
    expect(targets[0]).toEqual(['部门', '项目', '指标', '指标值', '数值', '单位', '口径', '与中位数之差']);
    expect(targets.slice(1).map((r) => [r[0], r[3], r[7]]).sort()).toEqual(
      [
        ['江城市教育局', '≥92%', '2'],
        ['江城市卫生健康委员会', '≥88%', '-2'],
        ['江城市民政局', '≥95%', '5'],
        ['江城市城市管理局', '≥85%', '-5'],
      ].sort(),
    );
    expect(readCsv(out('satisfaction.spread.csv'))).toEqual([
      ['单位', '口径', '比较方向', '指标数', '最小', '中位数', '最大', '极差'],
      ['%', '整体', '下限（≥）', '4', '85', '90', '95', '10'],
    ]);
  });

  it('`filings list` filters by year, department code, project and group label or code', async () => {
    const list = async (...args: string[]) => {
      const run = await filings(['list', '--json', ...args], env);
      expect(run.code).toBe(0);
      return (JSON.parse(run.stdout) as { filings: { department: string; projectName: string; fiscalYear: number }[] }).filings;
    };
    const withCost = await list('--year', '2023', '--level2', '成本指标');
    expect(withCost.map((f) => f.department).sort()).toEqual(['江城市城市管理局', '江城市教育局', '江城市民政局'].sort());
    expect(await list('--year', '2023', '--level2', 'cost')).toEqual(withCost);
    expect((await list('--department', '301001')).map((f) => [f.fiscalYear, f.projectName])).toEqual([[2022, '2022年城区道路养护']]);
    expect(await list('--project', '道路养护')).toHaveLength(3);
    expect(await list('--level1', '满意度', '--year', '2021')).toHaveLength(1);
  });

  it('`filings list` prints a header row, short ids, funding, and sorts as asked', async () => {
    const run = await filings(['list', '--sort', 'funding'], env);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('填报表：6 份');
    expect(lines[2].split(/\s{2,}/)).toEqual(['编号', '年度', '部门', '项目', '指标数', '资金总额', '年度资金', '文件（位置）']);
    // The road forms' annual funds are 300, 280 and 280 万元; the departments' 420, 260 and 150 (compare.ts).
    const body = lines.slice(4, 10);
    expect(body.map((l) => Number(l.split(/\s{2,}/).at(-2)))).toEqual([420, 300, 280, 280, 260, 150]);
    expect(body.every((l) => /^[0-9a-f]{10}:\d\s/.test(l))).toBe(true);
    expect(body.find((l) => l.includes('road-2022.docx'))).toMatch(/^[0-9a-f]{10}:0\s+2022\s+江城市城市管理局 \[301001\]\s+2022年城区道路养护\s+6\s+280\s+road-2022\.docx（table 1）$/);
  });

  it('an unknown group is an error that names the groups there are', async () => {
    const run = await filings(['compare', 'departments', '--year', '2023', '--group', 'xyz'], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^filings: 没有名为“xyz”的指标组；可选：.*成本指标/);
    const list = await filings(['list', '--level2', 'xyz'], env);
    expect(list.code).toBe(1);
    expect(list.stderr).toMatch(/^filings: 没有名为“xyz”的指标组；可选：.*数量指标/);
  });

  it('`filings show` prints one filing in full, found by an id prefix or by project and year', async () => {
    const listed = JSON.parse((await filings(['list', '--json'], env)).stdout) as { filings: { id: string; fileName: string; locator: string }[] };
    const road2022 = listed.filings.find((f) => f.fileName === 'road-2022.docx')!;
    const run = await filings(['show', road2022.id.slice(0, 6)], env);
    expect(run.code, run.stderr).toBe(0);
    for (const part of ['项目名称', '2022年城区道路养护', '江城市城市管理局（301001）', '年度资金申请总额', '绩效指标：6 项', '养护成本', '≤280万元', '导入时的文件：1 个名称', 'road-2022.docx']) {
      expect(run.stdout).toContain(part);
    }
    const json = await filings(['show', '--project', '城区道路养护', '--year', '2023', '--json'], env);
    expect(json.code, json.stderr).toBe(0);
    const shown = JSON.parse(json.stdout) as { filing: { source: { file: string } }; fileNames: { fileName: string }[]; findings: unknown[] };
    expect(shown.filing.source.file).toBe('road-2023.xlsx');
    expect(shown.fileNames.map((n) => n.fileName)).toEqual(['road-2023.xlsx']);
    // departments-2023.md holds three forms: its hash alone names none of them.
    const depts = listed.filings.find((f) => f.fileName === 'departments-2023.md')!;
    const ambiguous = await filings(['show', depts.id.slice(0, 8)], env);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toMatch(new RegExp(`^filings: 编号 ${depts.id.slice(0, 8)} 对应 3 份填报表`));
    expect((await filings(['show', `${depts.id.slice(0, 8)}:2`], env)).stdout).toContain('社区养老服务补助');
    const none = await filings(['show', 'ffff0000'], env);
    expect(none).toMatchObject({ code: 1, stdout: '' });
    expect(none.stderr).toBe('filings: 没有编号为 ffff0000 的填报表\n');
  });

  it('`compare years --from --to --group` answers how one group\'s targets changed over a span', async () => {
    const run = await filings(['compare', 'years', '--project', '城区道路养护', '--from', '2021', '--to', '2023', '--group', '成本指标', '--json'], env);
    expect(run.code, run.stderr).toBe(0);
    const c = JSON.parse(run.stdout) as { years: number[]; group: string; rows: { name: string; span: { kind: string; stricter: boolean | null } }[] };
    expect(c.years).toEqual([2021, 2022, 2023]);
    expect(c.group).toBe('成本指标');
    // 养护成本: ≤300万元 in 2021, ≤280万元 in 2023 (scripts/fixtures/forms/compare.ts).
    expect(c.rows.map((r) => [r.name, r.span.kind, r.span.stricter])).toEqual([['养护成本', 'lowered', true]]);
    const text = await filings(['compare', 'years', '--project', '城区道路养护', '--group', 'cost'], env);
    expect(text.stdout).toMatch(/2021→2023（首尾）/);
    expect(text.stdout.split('\n').find((l) => l.startsWith('养护成本'))).toMatch(/≤300万元\s+≤280万元 ↓\s+≤280万元\s+调低（要求提高） ↓\s+未变\s+调低（要求提高） ↓/);
    const later = JSON.parse((await filings(['compare', 'years', '--project', '城区道路养护', '--from', '2022', '--json'], env)).stdout) as { years: number[] };
    expect(later.years).toEqual([2022, 2023]);
    // 成本 is 成本指标 without 指标, as forms write it too; 成效 is nobody's group.
    expect((await filings(['compare', 'years', '--project', '城区道路养护', '--group', '成本', '--json'], env)).stdout).toContain('养护成本');
    const typo = await filings(['compare', 'years', '--project', '城区道路养护', '--group', '成效'], env);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toMatch(/^filings: 没有名为“成效”的指标组；可选：.*质量指标/);
  });

  it('says in one line why a comparison cannot be made', async () => {
    const none = await filings(['compare', 'years', '--project', '不存在的项目'], env);
    expect(none).toMatchObject({ code: 1, stdout: '' });
    expect(none.stderr).toBe('filings: 没有名称像“不存在的项目”的项目\n');
    const year = await filings(['compare', 'departments', '--year', '1999'], env);
    expect(year.code).toBe(1);
    expect(year.stderr).toMatch(/没有 1999 年度的填报表/);
  });
});
