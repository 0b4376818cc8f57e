/**
 * Results of pure functions of immutable objects (a parsed project, an expected figure, a snapshot's row), kept
 * from one check to the next by the incremental re-check (incremental/): what an edit did not replace is not
 * computed again. Each slot is a WeakMap, so an entry lives only as long as its key. A plain `analyze` passes no
 * memo and computes everything, by the same code.
 */
export class Memo {
  private readonly slots = new Map<string, WeakMap<object, unknown>>();

  /** One slot's map, fetched once by a loop that looks up many keys. */
  slot<K extends object, V>(name: string): WeakMap<K, V> {
    let s = this.slots.get(name);
    if (!s) this.slots.set(name, (s = new WeakMap()));
    return s as WeakMap<K, V>;
  }

  private readonly lasts = new Map<string, { value: unknown }>();

  /** A box for what one computation kept last time (see Aligned). */
  lastOf<T>(name: string): { value: T | undefined } {
    let b = this.lasts.get(name);
    if (!b) this.lasts.set(name, (b = { value: undefined }));
    return b as { value: T | undefined };
  }

  /** Drops what every slot keeps for a key (a row array changed in place, say). */
  forget(key: object): void {
    for (const s of this.slots.values()) s.delete(key);
  }
}

/**
 * Results for a list of keys (a table's rows, a sheet's row arrays), kept by position: a key that is the very
 * object found at its position last time, under the same context, keeps its result. A re-read row is a new
 * object, so it is computed again; a position compared is cheaper than a WeakMap looked up, which matters on
 * every one of 10,000 rows per edit. Results may not depend on the position, only on the key and the context.
 */
export class Aligned<V> {
  private readonly values: (V | undefined)[];

  constructor(
    private readonly keys: readonly object[],
    private prev: Aligned<V> | undefined,
  ) {
    this.values = new Array<V | undefined>(keys.length);
  }

  /**
   * The result for the key at `i`: kept, or computed now. `compute` is given `i`, so a loop over 10,000 rows
   * passes one function made once rather than a closure made per row.
   */
  get(i: number, compute: (i: number) => V): V {
    const key = this.keys[i] as object;
    let v = this.values[i];
    if (v !== undefined) return v;
    const p = this.prev;
    v = p && p.keys[i] === key ? p.values[i] : undefined;
    if (v === undefined) v = compute(i);
    this.values[i] = v;
    return v;
  }

  /** Lets go of the results before this one's (only this one is looked at next time): no chain of checks is kept. */
  release(): void {
    this.prev = undefined;
  }
}

/** The Aligned of one owner (a rule and a sheet, say), continuing the last one kept when the context is the same. */
export function aligned<V>(memo: Memo | undefined, slot: string, owner: string, context: object, keys: readonly object[]): Aligned<V> {
  if (!memo) return new Aligned<V>(keys, undefined);
  const last = memo.lastOf<{ context: object; aligned: Aligned<V> }>(`${slot}\u0000${owner}`);
  last.value?.aligned.release();
  const next = new Aligned<V>(keys, last.value?.context === context ? last.value.aligned : undefined);
  last.value = { context, aligned: next };
  return next;
}
