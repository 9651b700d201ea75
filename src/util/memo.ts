/**
 * Memoises a pure function of a string. The engine normalises the same texts (STTs, indicator texts, units, number
 * formats) on every run over a workbook. Bounded, so a long batch of odd files never grows it: cleared when it holds
 * `max` entries, and a key longer than `maxKeyLength` (no STT, unit or indicator text is) is computed, never kept.
 */
export interface Memo<T> {
  (s: string): T;
  /** Forgets every entry. */
  clear(): void;
}

export function memoised<T>(fn: (s: string) => T, max = 5_000, maxKeyLength = 512): Memo<T> {
  const memo = new Map<string, T>();
  const f = ((s: string): T => {
    if (s.length > maxKeyLength) return fn(s);
    let v = memo.get(s);
    if (v === undefined && !memo.has(s)) {
      v = fn(s);
      if (memo.size >= max) memo.clear();
      memo.set(s, v);
    }
    return v as T;
  }) as Memo<T>;
  f.clear = () => memo.clear();
  return f;
}
