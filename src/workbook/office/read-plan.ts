/**
 * How a read is cut into round trips, decided before the first request. Excel on the web rejects a response over
 * 5 MiB, and Thai text is 3 bytes a character in UTF-8, so a plan sheet's size in bytes is its rows times what a row
 * weighs: measured on the first rows (the probe, read with the sheet's sizes) or remembered from the last read.
 */

/** Bytes a response may carry: below the 5 MiB cap with room for the JSON around the values. */
export const RESPONSE_BUDGET = 4_500_000;
/** What an unknown sheet's row is assumed to weigh when sizing its probe: 15 columns of Thai text, with formulas. */
export const UNKNOWN_ROW_BYTES = 6_000;
/** Margins over a row's weight: a probe's rows may be lighter than the rest; a remembered average is close. */
export const PROBE_MARGIN = 1.25;
export const KNOWN_MARGIN = 1.05;
/** What a row's merged areas are assumed to weigh (addresses) before any were measured: two areas of a Thai sheet. */
export const UNKNOWN_MERGE_ROW_BYTES = 100;

/**
 * What the last read of a sheet found (or, before any read, what the pane measured on its first rows when it opened):
 * its rows and columns, what a row weighs in values and in merged-area addresses.
 */
export interface SheetWeight {
  rows: number;
  bytesPerRow: number;
  /** Columns of the used range: merged areas are read in bands whose height follows from it. */
  columns?: number;
  /** Merged-area address bytes per row, once a read has measured them. */
  mergeBytesPerRow?: number;
  /** Measured on a sample of the first rows (the pane's opening), not on a whole read: a wider margin. */
  sampled?: boolean;
}

/** What a row is taken to weigh in a response: its values (with the margin its measure deserves) and its merges. */
export function rowBytes(w: SheetWeight, merges: boolean): number {
  const m = merges ? (w.mergeBytesPerRow ?? UNKNOWN_MERGE_ROW_BYTES) : 0;
  return (w.bytesPerRow + m) * (w.sampled ? PROBE_MARGIN : KNOWN_MARGIN);
}

/** The weight of sheets read before, by name; kept by the host for the session. */
export type ReadMemory = Map<string, SheetWeight>;

export interface Probe {
  rows: number;
  /** Formulas loaded with the probe (a sheet small enough to read whole in the first round trip). */
  withFormulas: boolean;
}

/**
 * The first round trip's rows per sheet: a remembered small sheet whole (with its formulas), the budget left
 * shared by the remembered large ones, a fixed probe for sheets never read.
 */
export function probes(names: string[], memory: ReadMemory, budget = RESPONSE_BUDGET, merges = false): Map<string, Probe> {
  const out = new Map<string, Probe>();
  let left = budget;
  const probeRows = Math.max(1, Math.floor(budget / 2 / Math.max(1, names.length) / UNKNOWN_ROW_BYTES));
  const large: [string, SheetWeight][] = [];
  for (const n of names) {
    const w = memory.get(n);
    if (!w) {
      out.set(n, { rows: probeRows, withFormulas: true });
      left -= probeRows * UNKNOWN_ROW_BYTES;
      continue;
    }
    const whole = (w.rows + 1) * w.bytesPerRow * 2 * KNOWN_MARGIN;
    if (whole <= budget / (4 * names.length)) {
      out.set(n, { rows: w.rows + 50, withFormulas: true });
      left -= whole;
    } else large.push([n, w]);
  }
  for (const [n, w] of large) {
    const rows = Math.floor(Math.max(0, left) / large.length / rowBytes(w, merges));
    out.set(n, { rows: Math.max(1, rows), withFormulas: false });
  }
  return out;
}

/** One range to load in a round trip. */
export interface Task {
  sheet: string;
  /** Values (with the merged areas of their rows, when read), formulas, or the merged areas alone of rows read. */
  kind: 'values' | 'formulas' | 'merges';
  /** 0-based offsets within the sheet's used range. */
  row: number;
  rows: number;
  col: number;
  cols: number;
  bytes: number;
}

/**
 * Packs the rest of each sheet (values by rows) and its formula cells beyond the probe into round trips of at most
 * the budget each, in sheet order.
 */
export function pack(tasks: Omit<Task, 'bytes'>[], bytesPerCell: (t: Omit<Task, 'bytes'>) => number, budget = RESPONSE_BUDGET): Task[][] {
  const trips: Task[][] = [];
  let trip: Task[] = [];
  let used = 0;
  const close = (): void => {
    if (trip.length > 0) trips.push(trip);
    trip = [];
    used = 0;
  };
  for (const t of tasks) {
    const perRow = Math.max(1, bytesPerCell(t) * t.cols);
    let row = t.row;
    const end = t.row + t.rows;
    while (row < end) {
      let fit = Math.floor((budget - used) / perRow);
      if (fit < 1) {
        if (trip.length === 0) fit = 1; // one row heavier than a whole response: try it alone
        else {
          close();
          continue;
        }
      }
      const rows = Math.min(fit, end - row);
      trip.push({ ...t, row, rows, bytes: rows * perRow });
      used += rows * perRow;
      row += rows;
      if (used >= budget * 0.98) close();
    }
  }
  close();
  return trips;
}

/** UTF-8 size of a block of values as JSON, without building the JSON. */
export function jsonBytes(rows: readonly (readonly unknown[])[]): number {
  let n = 2;
  for (const r of rows) {
    n += 3;
    for (const v of r) {
      if (typeof v === 'string') {
        n += 3;
        for (let i = 0; i < v.length; i++) {
          const c = v.charCodeAt(i);
          n += c < 0x80 ? (c === 0x22 || c === 0x5c || c < 0x20 ? 2 : 1) : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? 2 : 3;
        }
      } else n += typeof v === 'number' ? String(v).length + 1 : 6;
    }
  }
  return n;
}
