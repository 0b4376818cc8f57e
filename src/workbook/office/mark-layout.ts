import { parseAddress, type Action, type Severity } from '../../domain';

/** Rows per band of marks: each band is its own conditional format, rewritten only when its cells change. */
export const BAND_ROWS = 500;

/** The cells of one mark by band of rows (band 0: rows 1–500), in the order given. */
export function bandsOfMark(cells: readonly string[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const c of cells) {
    const band = Math.floor(((parseAddress(c)?.row ?? 1) - 1) / BAND_ROWS);
    const list = out.get(band);
    if (list) list.push(c);
    else out.set(band, [c]);
  }
  return out;
}

/** Our marks as they are in the workbook: each conditional format's id, band and cells; our explanations' texts. */
export interface MarkLayout {
  cfs: { sheet: string; severity: Severity; band: number; cells: string[]; id: string }[];
  /** "Sheet!A1" → the explanation's text. */
  notes: Map<string, string>;
  /** The record (plancheck.marks) as written with these marks: while it is stored unchanged, nobody else marked. */
  record: string;
}

type Mark = Extract<Action, { kind: 'mark' }>;
type Note = Extract<Action, { kind: 'note' }>;

export interface MarkDiff {
  /** Conditional formats to delete, by id, per sheet. */
  remove: { sheet: string; id: string }[];
  /** Bands to mark anew: one mark action per band whose cells changed or appeared. */
  add: Mark[];
  /** What stays as it is. */
  keep: MarkLayout['cfs'];
  /** Explanations to delete (their text changed or they are gone) and to write. */
  unnote: { sheet: string; cell: string }[];
  note: Note[];
}

const bandKey = (sheet: string, severity: Severity, band: number): string => `${sheet}\u0000${severity}\u0000${band}`;
const sameCells = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && [...a].sort().join(',') === [...b].sort().join(',');

/**
 * What to change so that the marks written (`prev`) become a marks plan (`actions`: clear-marks, mark, note): the
 * bands whose cells differ are deleted and written again, the others kept; an explanation is rewritten only when
 * its text changed. Pure.
 */
export function diffMarks(prev: MarkLayout, actions: readonly Action[]): MarkDiff {
  const want = new Map<string, Mark>();
  for (const a of actions) {
    if (a.kind !== 'mark') continue;
    for (const [band, cells] of bandsOfMark(a.cells)) want.set(bandKey(a.sheet, a.severity, band), { ...a, cells });
  }
  const had = new Map<string, MarkLayout['cfs']>();
  for (const cf of prev.cfs) {
    const k = bandKey(cf.sheet, cf.severity, cf.band);
    had.set(k, [...(had.get(k) ?? []), cf]);
  }
  const diff: MarkDiff = { remove: [], add: [], keep: [], unnote: [], note: [] };
  for (const [k, cfs] of had) {
    const w = want.get(k);
    if (w && sameCells(w.cells, cfs.flatMap((c) => c.cells))) diff.keep.push(...cfs);
    else for (const c of cfs) diff.remove.push({ sheet: c.sheet, id: c.id });
  }
  for (const [k, w] of want) {
    const cfs = had.get(k);
    if (!cfs || !sameCells(w.cells, cfs.flatMap((c) => c.cells))) diff.add.push(w);
  }
  const notes = new Map(actions.filter((a): a is Note => a.kind === 'note').map((n) => [`${n.sheet}!${n.cell}`, n]));
  for (const [k, text] of prev.notes) {
    const n = notes.get(k);
    if (n && n.text === text) continue;
    const at = k.lastIndexOf('!');
    diff.unnote.push({ sheet: k.slice(0, at), cell: k.slice(at + 1) });
  }
  for (const [k, n] of notes) if (prev.notes.get(k) !== n.text) diff.note.push(n);
  return diff;
}
