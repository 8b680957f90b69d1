// The text that decides whether a stored record changed holds every key, whatever the form named it.
import { expect, it } from 'vitest';
import { canonicalJson } from '../../src/store/canonical-json.ts';

it('keeps a key named __proto__, so a change to that field is a change', () => {
  const before = JSON.parse('{"extras":{"__proto__":"旧值","b":1}}');
  const after = JSON.parse('{"extras":{"b":1,"__proto__":"新值"}}');
  expect(canonicalJson(before)).toBe('{"extras":{"__proto__":"旧值","b":1}}');
  expect(canonicalJson(after)).not.toBe(canonicalJson(before));
});

it('orders keys, so two spellings of one record are one text', () => {
  expect(canonicalJson({ b: [{ d: 1, c: 2 }], a: null })).toBe(canonicalJson({ a: null, b: [{ c: 2, d: 1 }] }));
});
