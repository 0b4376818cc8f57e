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
 * Each owner keeps one pair of arrays (the key each result was computed for, and the result), updated in place
 * from check to check: an edit writes the positions it changed and allocates nothing for the others. A result is
 * only ever taken for the key it was computed for, so checks that branch from one state share the arrays safely.
 */
export class Aligned<V> {
  constructor(
    private readonly keys: readonly object[] | null,
    private readonly store: Store<V>,
  ) {}

  /**
   * The result for the key at `i`: kept, or computed now. `compute` is given `i`, so a loop over 10,000 rows
   * passes one function made once rather than a closure made per row.
   */
  get(i: number, compute: (i: number) => V): V {
    return this.at(i, (this.keys as readonly object[])[i] as object, compute);
  }

  /** The result at `i` for `key` (for lists whose keys are a field of their entries: no list of keys is made). */
  at(i: number, key: object, compute: (i: number) => V): V {
    const s = this.store;
    if (s.keys[i] === key) return s.values[i] as V;
    const v = compute(i);
    s.keys[i] = key;
    s.values[i] = v;
    return v;
  }
}

interface Store<V> {
  context: object;
  keys: (object | undefined)[];
  values: (V | undefined)[];
}

/** The Aligned of one owner (a rule and a sheet, say), continuing the last one kept when the context is the same. */
export function aligned<V>(memo: Memo | undefined, slot: string, owner: string, context: object, keys: readonly object[] | number): Aligned<V> {
  const length = typeof keys === 'number' ? keys : keys.length;
  const list = typeof keys === 'number' ? null : keys;
  const fresh = (): Store<V> => ({ context, keys: new Array<object | undefined>(length), values: new Array<V | undefined>(length) });
  if (!memo) return new Aligned<V>(list, fresh());
  const last = memo.lastOf<Store<V>>(`${slot}\u0000${owner}`);
  const prev = last.value;
  const store = prev && prev.context === context && prev.keys.length === length ? prev : fresh();
  last.value = store;
  return new Aligned<V>(list, store);
}
