// A group named by code, by a known label (with or without 指标, or a label that stands for the same
// code), or by a label only some form uses.
import { expect, it } from 'vitest';
import { resolveLevel } from '../src/levels.ts';

it.each([
  ['level2', 'cost', { by: 'code', value: 'cost' }],
  ['level2', '成本指标', { by: 'code', value: 'cost' }],
  ['level2', '成本', { by: 'code', value: 'cost' }],
  ['level2', '进度指标', { by: 'code', value: 'timeliness' }],
  ['level1', '产出指标', { by: 'code', value: 'output' }],
  ['level1', 'output', { by: 'code', value: 'output' }],
  ['level2', '自定义指标', { by: 'label', value: '自定义指标' }],
] as const)('%s %s', (level, given, expected) => {
  expect(resolveLevel(level, given)).toEqual(expected);
});
