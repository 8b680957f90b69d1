// The rules of a comparison, one by one: what counts as raised or lowered, which names are one
// project or one indicator, and how indicators are followed through the years.
import { describe, expect, it } from 'vitest';
import { compareTargets } from '../../src/compare/change.ts';
import { buildTracks } from '../../src/compare/indicator-tracks.ts';
import { departmentKey, projectKey } from '../../src/compare/keys.ts';
import { similarity, SIMILARITY_THRESHOLD } from '../../src/compare/similarity.ts';
import type { Indicator, Target } from '../../src/schema.ts';
import { parseTarget } from '../../src/values/target.ts';

const t = (raw: string) => parseTarget(raw) as Target;

describe('a target from one year to the next', () => {
  it.each([
    ['≥90%', '≥95%', 'raised', true],
    ['≥95%', '不低于90%', 'lowered', false],
    ['≤300万元', '≤280万元', 'lowered', true], // a lower ceiling asks more
    ['≤280万元', '不超过300万元', 'raised', false],
    ['20所', '25所', 'raised', null], // an exact number is neither stricter nor looser
    ['≥90%', '不低于90%', 'unchanged', null],
    ['明显改善', '明显改善', 'unchanged', null],
    ['明显改善', '有所改善', 'changed', null],
    ['≥90%', '≥90分', 'changed', null], // another unit: not comparable
    ['≥90%', '≤95%', 'changed', null], // a floor became a ceiling
    ['≥90%', '>90%', 'changed', null],
    ['90%-95%', '92%-98%', 'raised', null],
    ['90%-100%', '95%-98%', 'changed', null],
    ['≥90%', '90%-100%', 'changed', null],
  ] as const)('%s → %s is %s (stricter: %s)', (a, b, kind, stricter) => {
    expect(compareTargets(t(a), t(b))).toEqual({ kind, stricter });
  });

  it('a blank target stays unchanged when blank, and is changed when filled in', () => {
    expect(compareTargets(null, null).kind).toBe('unchanged');
    expect(compareTargets(null, t('≥90%')).kind).toBe('changed');
  });
});

describe('names', () => {
  it('a year in a project name does not make another project', () => {
    for (const n of ['2022年城区道路养护', '城区道路养护(2022年度)', '城区道路养护（2022年）', '2022年度 城区道路养护', '城区道路养护']) {
      expect(projectKey(n)).toBe('城区道路养护');
    }
    expect(projectKey('城区道路养护')).not.toBe(projectKey('城区道路保洁'));
  });

  it('a code typed into the department name is not part of it', () => {
    expect(departmentKey('[301001]江城市城市管理局')).toBe('江城市城市管理局');
    expect(departmentKey('江城市 城市管理局')).toBe('江城市城市管理局');
  });

  it('bigram similarity separates a renamed indicator from a different one', () => {
    expect(similarity('群众满意度', '群众满意程度')).toBeGreaterThanOrEqual(SIMILARITY_THRESHOLD);
    expect(similarity('服务对象满意度', '群众满意度')).toBeLessThan(SIMILARITY_THRESHOLD);
    expect(similarity('道路完好率', '道路养护面积')).toBeLessThan(SIMILARITY_THRESHOLD);
    expect(similarity('同一', '同一')).toBe(1);
  });
});

describe('following indicators through the years', () => {
  const ind = (name: string, raw = '≥90%'): Indicator => ({
    horizon: 'annual',
    level1: '产出指标',
    level1Code: 'output',
    level2: '质量指标',
    level2Code: 'quality',
    name,
    target: t(raw),
    explanation: null,
    basis: null,
  });

  it('matches by name first, then by a similar name, and records which', () => {
    const tracks = buildTracks([[ind('群众满意度'), ind('道路完好率')], [ind('道路完好率'), ind('群众满意程度')]]);
    expect(tracks).toHaveLength(2);
    expect(tracks[0].cells[1]).toMatchObject({ matchedBy: 'similarity', similarTo: { name: '群众满意度' } });
    expect(tracks[1].cells[1]).toMatchObject({ matchedBy: 'name' });
  });

  it('a similar name after a gap year is a new indicator, the same name after a gap is not', () => {
    const tracks = buildTracks([[ind('群众满意度'), ind('道路完好率')], [], [ind('群众满意程度'), ind('道路完好率')]]);
    expect(tracks.map((tr) => tr.cells.map((c) => c?.indicator.name ?? null))).toEqual([
      ['群众满意度', null, null],
      ['道路完好率', null, '道路完好率'],
      [null, null, '群众满意程度'],
    ]);
  });

  it('an exact name is never taken by a similar one', () => {
    const tracks = buildTracks([[ind('设备验收合格率')], [ind('设备验收合格率'), ind('设备验收合格率(年度)')]]);
    expect(tracks[0].cells[1]).toMatchObject({ matchedBy: 'name', indicator: { name: '设备验收合格率' } });
    expect(tracks[1].cells).toEqual([null, expect.objectContaining({ matchedBy: 'start' })]);
  });
});
