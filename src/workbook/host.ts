import type { Action, Text, WorkbookSnapshot } from '../domain';
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
  /** Calls back with the names of sheets the user edited; returns a function that stops listening. */
  watch(onEdit: (sheets: string[]) => void): Promise<() => Promise<void>>;
}
