/**
 * A bounded memo for pure parsers of cell text. Plan sheets repeat the same few texts ("-", "ไม่ใช้งบประมาณ",
 * "๓ คน") thousands of times; the parsed values are never modified, so one object can serve them all.
 */
export function memoize<T>(parse: (text: string) => T, limit = 10_000): (text: string) => T {
  const memo = new Map<string, T>();
  return (text) => {
    const known = memo.get(text);
    if (known !== undefined) return known;
    if (memo.size >= limit) memo.clear();
    const value = parse(text);
    memo.set(text, value);
    return value;
  };
}
