/**
 * A bounded memo for pure parsers of cell text. Plan sheets repeat the same few texts ("-", "ไม่ใช้งบประมาณ",
 * "๓ คน") thousands of times; the parsed values are never modified, so one object can serve them all.
 * Two generations: when the newer is full it becomes the older and the older is dropped, so texts that repeat
 * stay known while a large sheet's one-off texts pass through (clearing everything at the limit made a sheet with
 * more distinct texts than the limit parse its repeated texts again and again). At most 2 × limit entries.
 */
export function memoize<T>(parse: (text: string) => T, limit = 10_000): (text: string) => T {
  const memo = new BoundedMemo<T>(limit);
  return (text) => {
    const known = memo.get(text);
    if (known !== undefined) return known;
    const value = parse(text);
    memo.set(text, value);
    return value;
  };
}

/** A map of at most 2 × limit entries that keeps what was used recently (see memoize). */
export class BoundedMemo<T> {
  private newer = new Map<string, T>();
  private older = new Map<string, T>();

  constructor(private readonly limit: number) {}

  get(text: string): T | undefined {
    const known = this.newer.get(text);
    if (known !== undefined) return known;
    const old = this.older.get(text);
    if (old !== undefined) this.set(text, old);
    return old;
  }

  set(text: string, value: T): void {
    if (this.newer.size >= this.limit) {
      this.older = this.newer;
      this.newer = new Map();
    }
    this.newer.set(text, value);
  }
}
