import type { Ownership } from '../ownership';

type OwnedNote = Ownership['notes'][number];

/**
 * The ownership tag's notes, looked up by sheet and cell while a run writes notes. Each note replaces ours on
 * its cell (the first listed, as a search finds it) and goes to the end of the list; settle() writes the list
 * back in that order. A lookup and a replacement per note, instead of a search and a copy of the list per note.
 */
export class OwnedNotes {
  private list: OwnedNote[] | undefined;
  private readonly byCell = new Map<string, OwnedNote[]>();
  private readonly gone = new Set<OwnedNote>();

  constructor(private readonly owned: Ownership) {}

  private index(): OwnedNote[] {
    if (this.list) return this.list;
    this.list = [...this.owned.notes];
    for (const n of this.list) this.keep(n);
    return this.list;
  }

  private keep(n: OwnedNote): void {
    const key = `${n.sheet}\u0000${n.cell}`;
    const same = this.byCell.get(key);
    if (same) same.push(n);
    else this.byCell.set(key, [n]);
  }

  find(sheet: number, cell: string): OwnedNote | undefined {
    this.index();
    return this.byCell.get(`${sheet}\u0000${cell}`)?.[0];
  }

  /** Drops `old` (the one find() gave, if any) and lists `next` last. */
  replace(old: OwnedNote | undefined, next: OwnedNote): void {
    const list = this.index();
    if (old) {
      this.gone.add(old);
      this.byCell.get(`${old.sheet}\u0000${old.cell}`)?.shift();
    }
    list.push(next);
    this.keep(next);
  }

  /** Writes the list back into the tag; the next find() reads the tag again (another handler may change it). */
  settle(): void {
    if (!this.list) return;
    this.owned.notes = this.gone.size > 0 ? this.list.filter((n) => !this.gone.has(n)) : this.list;
    this.list = undefined;
    this.byCell.clear();
    this.gone.clear();
  }
}
