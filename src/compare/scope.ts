// Whether a target is a total (the project's whole cost, ≤280万元) or a unit figure (per person, per
// school, per km, a unit price: ≤7.5万元 per school). Pooling the two makes a spread of nonsense, so
// comparisons keep them apart. The unit says it (万元/人), or the indicator's name does (每所学校…,
// 人均…, …单价).
export type Scope = 'total' | 'unit';

const PER_NAME = /每|人均|生均|户均|亩均|次均|件均|单价|单位成本|平均|单次|单个|单所|单人|单公里|单台|单套|每公里|公里均/u;

export function scopeOf(name: string, unit: string | null): Scope {
  if (unit && (unit.includes('/') || unit.includes('每'))) return 'unit';
  return PER_NAME.test(name) ? 'unit' : 'total';
}
