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
  ['道路完好率', '2021→2022', 'raised (stricter)'],
  ['养护成本', '2021→2022', 'lowered (stricter)'],
  ['群众满意程度', '2021→2022', 'renamed, unchanged'],
  ['智慧巡查覆盖率', '2022→2023', 'added'],
  ['病害处置及时率', '2022→2023', 'removed'],
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
    const line = (name: string) => run.stdout.split('\n').find((l) => l.startsWith(name)) ?? '';
    expect(line('道路完好率')).toMatch(/≥90%\s+≥95% ↑\s+≥95%\s+raised \(stricter\) ↑\s+unchanged\s+by name/);
    expect(line('养护成本')).toMatch(/≤300万元\s+≤280万元 ↓\s+≤280万元\s+lowered \(stricter\) ↓/);
    expect(line('群众满意程度')).toMatch(/renamed, unchanged .*similar name 群众满意度 → 群众满意程度 \(0\.67\)/);
    expect(line('道路养护面积')).toMatch(/≥120万平方米\s+不低于120万平方米\s+≥120万平方米\s+unchanged\s+unchanged/);
  });

  it('--csv holds the same table, and only the known changes differ from unchanged', async () => {
    const file = out('road.csv');
    const run = await filings(['compare', 'years', '--project', '城区道路养护', '--department', '301001', '--csv', file], env);
    expect(run.code).toBe(0);
    const [head, ...rows] = readCsv(file);
    expect(head).toEqual(['indicator', 'group', '2021', '2022', '2023', '2021→2022', '2022→2023', 'matched']);
    const changes = rows.flatMap((r) =>
      [5, 6].filter((i) => r[i] !== 'unchanged' && r[i] !== '').map((i) => [r[0], head[i], r[i]]),
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
    expect(byDept).toEqual({ 江城市教育局: '1', 江城市卫生健康委员会: 'empty', 江城市民政局: '1', 江城市城市管理局: '1' });
    expect(rows.find((r) => r[0] === '江城市民政局')![head.indexOf('时效指标')]).toBe('-'); // not on its form at all
    expect(readCsv(out('depts.empty-groups.csv'))).toEqual([
      ['department', 'project', 'group'],
      ['江城市卫生健康委员会', '基层医疗设备购置', '成本指标'],
    ]);
  });

  it('one group’s targets side by side, with the spread', async () => {
    const file = out('satisfaction.csv');
    const run = await filings(['compare', 'departments', '--year', '2023', '--group', '服务对象满意度指标', '--csv', file], env);
    expect(run.code).toBe(0);
    const targets = readCsv(out('satisfaction.targets.csv'));
    expect(targets[0]).toEqual(['department', 'project', 'indicator', 'target', 'value', 'unit', 'vs median']);
    expect(targets.slice(1).map((r) => [r[0], r[3], r[6]]).sort()).toEqual(
      [
        ['江城市教育局', '≥92%', '2'],
        ['江城市卫生健康委员会', '≥88%', '-2'],
        ['江城市民政局', '≥95%', '5'],
        ['江城市城市管理局', '≥85%', '-5'],
      ].sort(),
    );
    expect(readCsv(out('satisfaction.spread.csv'))).toEqual([
      ['unit', 'comparator', 'targets', 'min', 'median', 'max', 'spread'],
      ['%', 'floor (≥)', '4', '85', '90', '95', '10'],
    ]);
  });

  it('`filings list` filters by year, department code, project and group label or code', async () => {
    const list = async (...args: string[]) => {
      const run = await filings(['list', ...args], env);
      expect(run.code).toBe(0);
      return run.stdout.trim().split('\n').filter(Boolean);
    };
    const withCost = await list('--year', '2023', '--level2', '成本指标');
    expect(withCost.map((l) => l.split(/\s{2,}/)[1]).sort()).toEqual(['江城市城市管理局', '江城市教育局', '江城市民政局'].sort());
    expect(await list('--year', '2023', '--level2', 'cost')).toEqual(withCost);
    expect(await list('--department', '301001')).toEqual([expect.stringMatching(/^2022\s+江城市城市管理局 \[301001\]\s+2022年城区道路养护\s+6 indicators\s+road-2022\.docx \(table 1\)/)]);
    expect(await list('--project', '道路养护')).toHaveLength(3);
    expect(await list('--level1', '满意度', '--year', '2021')).toHaveLength(1);
  });

  it('says in one line why a comparison cannot be made', async () => {
    const none = await filings(['compare', 'years', '--project', '不存在的项目'], env);
    expect(none).toMatchObject({ code: 1, stdout: '' });
    expect(none.stderr).toBe('filings: no stored project is named like 不存在的项目\n');
    const year = await filings(['compare', 'departments', '--year', '1999'], env);
    expect(year.code).toBe(1);
    expect(year.stderr).toMatch(/no stored filing is for 1999/);
  });
});
