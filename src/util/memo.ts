/**
 * Memoises a pure function of a string. The engine normalises the same texts (STTs, indicator texts, units, number
 * formats) on every run over a workbook; the memo is cleared when it grows past `max` entries, so it stays bounded.
 */
export function memoised<T>(fn: (s: string) => T, max = 20_000): (s: string) => T {
  const memo = new Map<string, T>();
  return (s) => {
    let v = memo.get(s);
    if (v === undefined && !memo.has(s)) {
      v = fn(s);
      if (memo.size >= max) memo.clear();
      memo.set(s, v);
    }
    return v as T;
  };
}
