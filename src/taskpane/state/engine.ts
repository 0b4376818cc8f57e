import {
  digitStyle, groupFindings, planNumbers, planSummaries, planTotals, workbookTitle, type Action, type Analysis, type CellValue, type Finding, type MarkOptions,
  type SheetGroup, type SheetSummary, type Stats, type Text, type TotalsPlan, type WorkbookSnapshot, parseAddress,
} from '../../domain';
import type { Acknowledgements, ApplyReport, SheetEdit } from '../../workbook/host';

/**
 * Where the pane's analyses live. A whole Analysis (the plan model, the totals, the evaluated formulas) of a
 * 50k-row plan is ~600 MB as a structured clone, and has functions (the catalog's look-ups), so it never crosses
 * to the UI thread: the engine keeps it (a Web Worker in the browser mode, the pane itself in Excel) and the pane
 * gets what it shows, a PaneAnalysis, and asks the engine for everything planned from the whole one.
 */

/** What the pane shows of an analysis: small, plain data (structured-cloneable). */
export interface PaneAnalysis {
  /** Which of the engine's analyses this is: fixes and summaries are planned from that one. */
  id: number;
  sheets: SheetSummary[];
  findings: Finding[];
  stats: Stats;
  /** Every finding by sheet and goal/indicator (groupFindings), computed where the plan model is. */
  groups: SheetGroup[];
  /** Province and year, for the summary sheets' titles. */
  title: string;
}

export function paneAnalysis(id: number, analysis: Analysis, snapshot: WorkbookSnapshot): PaneAnalysis {
  return { id, sheets: analysis.sheets, findings: analysis.findings, stats: analysis.stats, groups: groupFindings(analysis), title: workbookTitle(snapshot) };
}

export type FixKind = 'numbers' | 'totals';
export interface FixRequest {
  kind: FixKind;
  overwrite: boolean;
  /** The user's keep/overwrite per เติมผลรวม conflict, by "Sheet!A1". */
  choices?: Record<string, boolean>;
}

/** แปลงตัวเลข or เติมผลรวม planned from a whole analysis: what to write and which stated figures disagree. */
export function planFix(analysis: Analysis, fix: FixRequest): TotalsPlan {
  return fix.kind === 'totals'
    ? planTotals(analysis, { overwriteConflicts: fix.overwrite, ...(fix.choices ? { choices: fix.choices } : {}) })
    : { actions: planNumbers(analysis), conflicts: [] };
}

/** The cells around a finding, for the sheet preview (rows and columns are 1-based sheet positions). */
export interface PreviewWindow {
  sheet: string;
  cell: string;
  first: number;
  last: number;
  left: number;
  right: number;
  /** values[r - first][c - left], as text. */
  values: string[][];
}

const AROUND_ROWS = 4;
const AROUND_COLS = 3;

export function previewWindow(snapshot: WorkbookSnapshot, sheetName: string, cell: string): PreviewWindow | null {
  const sheet = snapshot.sheets.find((x) => x.name === sheetName);
  const at = parseAddress(cell);
  if (!sheet || !at) return null;
  const first = Math.max(sheet.origin.row, at.row - AROUND_ROWS);
  const last = Math.max(first, Math.min(sheet.origin.row + sheet.values.length - 1, at.row + AROUND_ROWS));
  const left = Math.max(sheet.origin.column, at.col - AROUND_COLS);
  const right = at.col + AROUND_COLS;
  const text = (v: CellValue | undefined): string => (v === null || v === undefined ? '' : String(v));
  const values = Array.from({ length: last - first + 1 }, (_, i) =>
    Array.from({ length: right - left + 1 }, (_, j) => text(sheet.values[first + i - sheet.origin.row]?.[left + j - sheet.origin.column])),
  );
  return { sheet: sheetName, cell, first, last, left, right, values };
}

/** How far a check has come: reading the workbook (a share, when known), then analysing it. */
export type CheckProgress = { step: 'reading'; done: number; total: number } | { step: 'analysing' };

export interface Checked {
  /** The workbook as read, where the pane can hold it (Excel: live mode merges re-read sheets into it); null in a worker. */
  snapshot: WorkbookSnapshot | null;
  analysis: PaneAnalysis;
  acks: Acknowledgements;
  notices?: Text[];
}

/** The pane's I/O and planning, wherever the analysis lives. */
export interface Engine {
  readonly kind: 'excel' | 'file';
  readonly canExplain: boolean;
  check(onProgress: (p: CheckProgress) => void): Promise<Checked>;
  /** Re-reads these edits on top of `base` and analyses the result, incrementally where it can (live mode). */
  recheck(base: WorkbookSnapshot, edits: SheetEdit[]): Promise<{ snapshot: WorkbookSnapshot; analysis: PaneAnalysis }>;
  /** Clears our marks (null), or marks the findings of that analysis. */
  writeMarks(analysis: PaneAnalysis | null, options: MarkOptions): Promise<ApplyReport>;
  planFix(analysis: PaneAnalysis, fix: FixRequest): Promise<TotalsPlan>;
  summaries(analysis: PaneAnalysis): Promise<Extract<Action, { kind: 'add-sheet' }>[]>;
  apply(actions: Action[]): Promise<ApplyReport>;
  /** The cells around one, for the preview (the browser mode shows it; Excel selects the cell itself). */
  preview(sheet: string, cell: string): Promise<PreviewWindow | null>;
  select(sheet: string, cell: string): Promise<void>;
  saveAcks(acks: Acknowledgements): Promise<Acknowledgements>;
  watch(onEdit: (edits: SheetEdit[]) => void): Promise<() => Promise<void>>;
}

/** Whole analyses by id: the last few (a re-check may still be planned from while the next one arrives). */
export class Analyses {
  private next = 1;
  private readonly kept = new Map<number, { analysis: Analysis; snapshot: WorkbookSnapshot }>();

  add(analysis: Analysis, snapshot: WorkbookSnapshot): PaneAnalysis {
    const id = this.next++;
    this.kept.set(id, { analysis, snapshot });
    for (const old of this.kept.keys()) if (this.kept.size > 2) this.kept.delete(old);
    return paneAnalysis(id, analysis, snapshot);
  }

  get(id: number): Analysis {
    const got = this.kept.get(id);
    if (!got) throw new Error(`analysis ${id} is no longer kept: check again`);
    return got.analysis;
  }

  /** The summary sheets, titled from the workbook and in its digit style. */
  summaries(id: number): Extract<Action, { kind: 'add-sheet' }>[] {
    const got = this.kept.get(id);
    if (!got) throw new Error(`analysis ${id} is no longer kept: check again`);
    return planSummaries(got.analysis, { title: workbookTitle(got.snapshot), digits: digitStyle(got.snapshot) });
  }
}
