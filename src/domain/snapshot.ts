import { z } from 'zod';

/** A cell value as Excel reports it; empty cells are null. */
export type CellValue = string | number | boolean | null;

/** One worksheet as plain data. Rows and columns are 1-based sheet coordinates; `origin` is values[0][0]. */
export interface SheetSnapshot {
  name: string;
  origin: { row: number; column: number };
  values: CellValue[][];
  /** Formulas where a cell has one (e.g. "=SUM(G8:M8)"), else null. */
  formulas?: (string | null)[][];
  numberFormats?: (string | null)[][];
  /** Merged areas as A1 ranges ("A1:O1"). */
  merges: string[];
  /** Formula cells (A1) that have no cached value: a file saved by a generator that never calculated. */
  uncachedFormulas?: string[];
  visibility?: 'visible' | 'hidden' | 'veryHidden';
  /** PlanCheck generated this sheet, as the workbook's own record of what we wrote says (never guessed). */
  generated?: boolean;
}

/** A defined name; `sheet` is the sheet a sheet-scoped name belongs to. */
export interface DefinedName {
  name: string;
  ref: string;
  sheet?: string;
}

export interface WorkbookSnapshot {
  file?: string;
  sheets: SheetSnapshot[];
  names?: DefinedName[];
}

const cell = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const sheetSnapshotSchema = z.object({
  name: z.string(),
  origin: z.object({ row: z.number().int().min(1), column: z.number().int().min(1) }),
  values: z.array(z.array(cell)),
  formulas: z.array(z.array(z.string().nullable())).optional(),
  numberFormats: z.array(z.array(z.string().nullable())).optional(),
  merges: z.array(z.string()),
  uncachedFormulas: z.array(z.string()).optional(),
  visibility: z.enum(['visible', 'hidden', 'veryHidden']).optional(),
  generated: z.boolean().optional(),
});
export const workbookSnapshotSchema = z.object({
  file: z.string().optional(),
  sheets: z.array(sheetSnapshotSchema),
  names: z.array(z.object({ name: z.string(), ref: z.string(), sheet: z.string().optional() })).optional(),
});
