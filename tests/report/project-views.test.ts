// Five years of one project on a terminal: the pair columns give way to marks, and the table fits.
import { expect, it } from 'vitest';
import { compareProject } from '../../src/compare/project-years.ts';
import { projectViews } from '../../src/report/project-views.ts';
import { renderView } from '../../src/report/terminal.ts';
import { displayWidth } from '../../src/report/text-width.ts';
import type { FilingRecord } from '../../src/schema.ts';
import type { StoredRecord } from '../../src/store/store.ts';
import { parseTarget } from '../../src/values/target.ts';

function filing(year: number, targets: [string, string][]): StoredRecord {
  const sha = year.toString(16).padStart(64, '0');
  const record: FilingRecord = {
    schemaVersion: 1,
    id: `${sha}:0`,
    source: { file: `road-${year}.docx`, format: 'docx', sha256: sha, formIndex: 0, locator: 'table 1' },
    form: { title: null, fiscalYear: year },
    project: { name: '城区道路养护', category: null, nature: null, attribute: null, department: '江城市城市管理局', departmentCode: null, implementingUnit: null, plannedStart: null, plannedEnd: null, extras: {} },
    funding: { unit: '万元', total: null, fiscal: null, other: null, annualTotal: null, annualAppropriation: null, priorYearCarryover: null, annualOther: null, extras: {} },
    goals: { overallPeriod: null, overall: null, annual: null },
    indicators: targets.map(([name, target]) => ({ horizon: 'annual', level1: '产出指标', level1Code: 'output', level2: '质量指标', level2Code: 'quality', name, target: parseTarget(target), explanation: null, basis: null })),
    emptyGroups: [],
    unmapped: [],
    warnings: [],
  };
  return { seq: year, record };
}

const years = [2019, 2020, 2021, 2022, 2023].map((y, i) =>
  filing(y, [
    ['道路完好率', `≥${90 + i}%`],
    ['城区主干道路面病害及时处置率', i < 3 ? '≥85%' : '不低于85%'],
  ]),
);

it('over five years a terminal gets the years and the first-to-last column; files get every pair', () => {
  const c = compareProject(years);
  const [compact] = projectViews(c, { compact: true });
  const [full] = projectViews(c);
  expect(compact.columns.map((col) => col.header)).toEqual(['指标', '指标组', '2019', '2020', '2021', '2022', '2023', '2019→2023（首尾）', '对应方式']);
  expect(full.columns).toHaveLength(compact.columns.length + 4);
  const widest = Math.max(...renderView(compact).split('\n').map(displayWidth));
  expect(widest).toBeLessThanOrEqual(120);
  const row = compact.rows.find((r) => r[0].value === '道路完好率')!;
  expect(row.slice(2, 8).map((cell) => cell.value)).toEqual(['≥90%', '≥91%', '≥92%', '≥93%', '≥94%', '调高（要求提高）']);
  expect(row[3].mark).toBe('raised');
});
