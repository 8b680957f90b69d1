// Forms repeat the same short texts (labels, units, targets) endlessly: what is made from one is
// remembered. Long texts (goals, explanations) rarely repeat and would only fill memory, so they are
// neither kept nor looked up (a lookup hashes the whole text); the memo is bounded so that a huge
// import cannot grow it.

/** `make`, remembered for texts of at most `maxLength` characters, `limit` of them at a time. */
export function memoized<T>(make: (text: string) => T, maxLength: number, limit: number): (text: string) => T {
  const memo = new Map<string, T>();
  return (text) => {
    if (text.length > maxLength) return make(text);
    let value = memo.get(text);
    if (value === undefined) {
      value = make(text);
      if (memo.size >= limit) memo.clear();
      memo.set(text, value);
    }
    return value;
  };
}
