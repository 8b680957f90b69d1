// Key order must not matter when deciding whether a stored record changed: JSONB reorders keys,
// and a reparse may build objects in another order. Sorting keys gives one text per value.
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  // No prototype: a form's label `__proto__` (a key of extras) is then an ordinary key, not lost.
  const out: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
  return out;
}
