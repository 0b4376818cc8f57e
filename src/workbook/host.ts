import type { Action, EditedRows, Text, WorkbookSnapshot } from '../domain';
import type { Acknowledgements } from './office/registry';

export type { Acknowledgements } from './office/registry';

/** The very hidden sheet where the browser version keeps acknowledgements inside a file; never a plan sheet. */
export const RECORD_SHEET = '_plancheck';

/** An explanation not written, and why: the cell holds the user's note or comment, or our old comment has replies. */
export interface SkippedExplanation {
  sheet: string;
  cell: string;
  reason: 'user-note' | 'user-comment' | 'replies';
}

/** What an apply could not do, for the pane to say. */
export interface ApplyReport {
  skipped: SkippedExplanation[];
  /** Sheets whose old marks could not all be removed (they are retried at the next clear). */
  uncleared: string[];
  /** Protected sheets left without marks. */
  protectedSheets: string[];
}

export const emptyApplyReport = (): ApplyReport => ({ skipped: [], uncleared: [], protectedSheets: [] });

/** What the task pane needs from where the workbook lives: Excel (office.js) or a file opened in the browser. */
export interface PlanHost {
  readonly kind: 'excel' | 'file';
  /** Explanations can be written as notes or comments. */
  readonly canExplain: boolean;
  /** Reads the workbook (all sheets) and our acknowledgements. */
  /** `notices`: what limits this read (manual calculation, a sheet too large to read), in Thai and English. */
  read(onProgress?: (done: number, total: number) => void): Promise<{ snapshot: WorkbookSnapshot; acks: Acknowledgements; notices?: Text[] }>;
  /** Re-reads only these sheets (live mode). */
  readSheets(names: string[]): Promise<WorkbookSnapshot>;
  apply(actions: Action[]): Promise<ApplyReport>;
  select(sheet: string, cell: string): Promise<void>;
  /**
   * Saves acknowledgements, merged with what a co-author saved meanwhile (not last-writer-wins); resolves to what
   * is stored now.
   */
  saveAcks(acks: Acknowledgements): Promise<Acknowledgements>;
  /**
   * The workbook after these edits, on top of `base`: only the edited rows where that is enough, the whole sheet
   * otherwise. `edited` lists the sheets read by rows (for the incremental re-check); a sheet read whole is not in it.
   */
  readEdits(base: WorkbookSnapshot, edits: SheetEdit[]): Promise<{ snapshot: WorkbookSnapshot; edited: EditedRows[] }>;
  /** Calls back with what the user edited; returns a function that stops listening. */
  watch(onEdit: (edits: SheetEdit[]) => void): Promise<() => Promise<void>>;
}

/**
 * An edit as live mode hears it: the sheet and the rows (1-based) whose cells changed, or null when the sheet must
 * be read whole (rows or columns inserted or deleted, no usable address, too many rows).
 */
export interface SheetEdit {
  sheet: string;
  rows: number[] | null;
}

/** The edits of one sheet together: rows united, a whole-sheet edit covering the rest; order of first edit kept. */
export function mergeEdits(pending: readonly SheetEdit[], more: readonly SheetEdit[]): SheetEdit[] {
  const out = pending.map((e) => ({ sheet: e.sheet, rows: e.rows && [...e.rows] }));
  for (const e of more) {
    const known = out.find((x) => x.sheet === e.sheet);
    if (!known) out.push({ sheet: e.sheet, rows: e.rows && [...new Set(e.rows)].sort((a, b) => a - b) });
    else if (known.rows && e.rows) known.rows = [...new Set([...known.rows, ...e.rows])].sort((a, b) => a - b);
    else known.rows = null;
  }
  return out;
}

/** The workbook with the re-read sheets in place of their old versions (workbook order kept, new sheets after). */
export function mergeSheets(base: WorkbookSnapshot, fresh: WorkbookSnapshot): WorkbookSnapshot {
  const byName = new Map(fresh.sheets.map((s) => [s.name, s]));
  const known = new Set(base.sheets.map((s) => s.name));
  return { ...base, sheets: [...base.sheets.map((s) => byName.get(s.name) ?? s), ...fresh.sheets.filter((s) => !known.has(s.name))] };
}
