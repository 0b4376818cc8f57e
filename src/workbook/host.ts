import type { Action, WorkbookSnapshot } from '../domain';
import type { Acknowledgements } from './office/registry';

export type { Acknowledgements } from './office/registry';

/** The very hidden sheet where the browser version keeps acknowledgements inside a file; never a plan sheet. */
export const RECORD_SHEET = '_plancheck';

/** What the task pane needs from where the workbook lives: Excel (office.js) or a file opened in the browser. */
export interface PlanHost {
  readonly kind: 'excel' | 'file';
  /** Explanations can be written as notes or comments. */
  readonly canExplain: boolean;
  /** Reads the workbook (all sheets) and our acknowledgements. */
  read(onProgress?: (done: number, total: number) => void): Promise<{ snapshot: WorkbookSnapshot; acks: Acknowledgements }>;
  /** Re-reads only these sheets (live mode). */
  readSheets(names: string[]): Promise<WorkbookSnapshot>;
  apply(actions: Action[]): Promise<void>;
  select(sheet: string, cell: string): Promise<void>;
  saveAcks(acks: Acknowledgements): Promise<void>;
  /** Calls back with the names of sheets the user edited; returns a function that stops listening. */
  watch(onEdit: (sheets: string[]) => void): Promise<() => Promise<void>>;
}
