import type { Action } from '../../src/domain/actions/types';
import { parseAddress } from '../../src/domain/base/cells';
import type { CellValue, WorkbookSnapshot } from '../../src/domain/snapshot';
import type { EditedRows } from '../../src/domain';
import { emptyApplyReport, mergeSheets, type Acknowledgements, type ApplyReport, type PlanHost, type SheetEdit } from '../../src/workbook/host';

/** A door that stays shut until opened: holds a host call in flight while a test acts. */
export class Gate {
  private release: () => void = () => undefined;
  readonly shut: Promise<void> = new Promise((r) => {
    this.release = r;
  });
  open(): void {
    this.release();
  }
}

/**
 * A PlanHost over a snapshot held in memory, recording every call: what was applied, saved, selected, and
 * when live mode listened. `gate` holds the next call of a kind in flight until the test opens it.
 */
export class FakePlanHost implements PlanHost {
  readonly kind: 'excel' | 'file' = 'excel';
  acks: Acknowledgements = { v: 1, items: {} };
  readonly applied: Action[][] = [];
  readonly saved: Acknowledgements[] = [];
  readonly selected: string[] = [];
  readonly sheetReads: string[][] = [];
  reads = 0;
  watches = 0;
  stops = 0;
  listener: ((edits: SheetEdit[]) => void) | null = null;
  /** Every readEdits call's edits, in order. */
  readonly editReads: SheetEdit[][] = [];
  /** The next call of this kind fails with this error. */
  readonly failures = new Map<'read' | 'readSheets' | 'apply' | 'select' | 'saveAcks' | 'watch', Error>();
  readonly gates = new Map<'read' | 'readSheets' | 'apply', Gate>();

  constructor(
    public snapshot: WorkbookSnapshot,
    readonly canExplain = true,
  ) {}

  private async enter(kind: 'read' | 'readSheets' | 'apply' | 'select' | 'saveAcks' | 'watch'): Promise<void> {
    const gate = kind === 'read' || kind === 'readSheets' || kind === 'apply' ? this.gates.get(kind) : undefined;
    if (gate) {
      this.gates.delete(kind as 'read');
      await gate.shut;
    }
    const e = this.failures.get(kind);
    if (e) {
      this.failures.delete(kind);
      throw e;
    }
  }

  async read(onProgress?: (done: number, total: number) => void) {
    this.reads++;
    await this.enter('read');
    this.snapshot.sheets.forEach((_, i) => onProgress?.(i + 1, this.snapshot.sheets.length));
    return { snapshot: this.snapshot, acks: this.acks };
  }

  async readSheets(names: string[]): Promise<WorkbookSnapshot> {
    this.sheetReads.push(names);
    const now = this.snapshot;
    await this.enter('readSheets');
    return { sheets: now.sheets.filter((s) => names.includes(s.name)) };
  }

  /** Edited rows come from the current snapshot (what Excel holds now); a whole-sheet edit reads the sheet. */
  async readEdits(base: WorkbookSnapshot, edits: SheetEdit[]): Promise<{ snapshot: WorkbookSnapshot; edited: EditedRows[] }> {
    this.editReads.push(edits);
    this.sheetReads.push(edits.map((e) => e.sheet));
    const now = this.snapshot;
    await this.enter('readSheets');
    const fresh = { sheets: now.sheets.filter((s) => edits.some((e) => e.sheet === s.name)) };
    return { snapshot: mergeSheets(base, fresh), edited: edits.flatMap((e) => (e.rows ? [{ sheet: e.sheet, rows: e.rows }] : [])) };
  }

  /** What the next applies report (a cell with the user's note, a protected sheet…). */
  report: ApplyReport = emptyApplyReport();

  async apply(actions: Action[]): Promise<ApplyReport> {
    await this.enter('apply');
    this.applied.push(actions);
    return this.report;
  }

  async select(sheet: string, cell: string): Promise<void> {
    await this.enter('select');
    this.selected.push(`${sheet}!${cell}`);
  }

  async saveAcks(acks: Acknowledgements): Promise<Acknowledgements> {
    await this.enter('saveAcks');
    this.saved.push(acks);
    this.acks = acks;
    return acks;
  }

  async watch(onEdit: (edits: SheetEdit[]) => void): Promise<() => Promise<void>> {
    this.watches++;
    await this.enter('watch');
    this.listener = onEdit;
    return async () => {
      this.stops++;
      if (this.listener === onEdit) this.listener = null;
    };
  }

  /** The user types into a cell: the snapshot changes and, if live mode listens, the edit is reported. */
  edit(sheet: string, cell: string, value: CellValue): void {
    const at = parseAddress(cell);
    if (!at) throw new Error(`bad address ${cell}`);
    this.snapshot = {
      ...this.snapshot,
      sheets: this.snapshot.sheets.map((s) => {
        if (s.name !== sheet) return s;
        const values = s.values.map((r) => [...r]);
        const row = values[at.row - s.origin.row];
        if (!row) throw new Error(`row ${at.row} is outside ${sheet}`);
        row[at.col - s.origin.column] = value;
        return { ...s, values };
      }),
    };
    this.listener?.([{ sheet, rows: [at.row] }]);
  }

  /** The last apply's marked cells by sheet and severity ("error:O27"), and its notes by cell. */
  lastMarks(): { marked: Record<string, string[]>; notes: Record<string, string>; cleared: boolean } {
    const last = this.applied.at(-1) ?? [];
    const marked: Record<string, string[]> = {};
    const notes: Record<string, string> = {};
    for (const a of last) {
      if (a.kind === 'mark') (marked[a.sheet] ??= []).push(...a.cells.map((c) => `${a.severity}:${c}`));
      if (a.kind === 'note') notes[`${a.sheet}!${a.cell}`] = a.text;
    }
    return { marked, notes, cleared: last.some((a) => a.kind === 'clear-marks') };
  }
}
