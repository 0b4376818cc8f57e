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

  /** Drops what every slot keeps for a key (a row array changed in place, say). */
  forget(key: object): void {
    for (const s of this.slots.values()) s.delete(key);
  }
}
