import type { Action, EditedRows, Text, WorkbookSnapshot } from '../../domain';
import { RECORD_SHEET, mergeSheets, type Acknowledgements, type ApplyReport, type PlanHost, type SheetEdit } from '../host';
import { applyActions, type HostCaps } from './apply';
import { explainWriteError } from './errors';
import { SIZE_PROPS, readWorkbook, type ReadResult } from './read';
import type { ReadMemory } from './read-plan';
import { sampleSheets } from './sample';
import type { SeenView } from './view';
import { SETTINGS, acknowledgementsSchema, emptyAcks, emptyRegistry, markRegistrySchema, mergeAcks, parseSetting } from './registry';
import { applyMarkDiff, isMarksPlan } from './mark-diff';
import type { MarkLayout } from './mark-layout';
import { mergeRows, rowsOfAddress, runsOf } from './rows';

/** Excel.run with our argument order: the batch, then the run options (delayForCellEdit while live). */
export type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: Excel.RunOptions) => Promise<T>;

/** The sheets our record lists as generated, by id, flagged so that a re-check leaves them out. */
function flagGenerated(snapshot: WorkbookSnapshot, read: ReadResult): WorkbookSnapshot {
  const ours = new Set(parseSetting(markRegistrySchema, read.settings[SETTINGS.marks], emptyRegistry).generated.map((g) => g.id));
  if (ours.size === 0) return snapshot;
  return { ...snapshot, sheets: snapshot.sheets.map((s) => (ours.has(read.sheetIds.get(s.name) ?? '') ? { ...s, generated: true } : s)) };
}

type IsSetSupported = (name: string, version: string) => boolean;

/** How long a read's view of our marks may serve the apply after it: a check marks right after its analysis. */
const VIEW_MS = 60_000;

/** The Excel host: every call is one Excel.run with as few syncs as it needs. */
export class OfficeHost implements PlanHost {
  readonly kind = 'excel' as const;
  readonly caps: HostCaps & { merges: boolean };
  private names: string[] = [];
  /** The acknowledgements as last read or saved: what this pane changed is measured against them. */
  private acksBase: Acknowledgements = emptyAcks();
  /** Each sheet's rows and weight from the last read, so the next read is cut right from its first request. */
  private readonly memory: ReadMemory = new Map();
  /** Live mode is on: the user may be typing, so every batch waits for cell edit mode to end instead of failing. */
  private live = false;
  /** Cells our current apply writes ("Sheet!A1"): a change event naming only these is ours, whatever its source. */
  private writing = new Set<string>();
  /** Our marks as the last apply left them; null when unknown (then the next marks are written whole). */
  private layout: MarkLayout | null = null;
  /** What the last read saw of our marks (view.ts), for the apply right after it; taken by the next call. */
  private view: { seen: SeenView; at: number } | null = null;
  /** Syncs and marks of the last apply, for the bench. */
  lastApply: { syncs: number; marked: number; notes: number; diff: boolean } | null = null;

  constructor(
    private readonly excelRun: Run,
    isSetSupported: IsSetSupported,
    /** Bytes a response may carry; tests scale Excel's limit down. */
    private readonly responseBudget?: number,
  ) {
    this.caps = {
      notes: isSetSupported('ExcelApi', '1.18'),
      comments: isSetSupported('ExcelApi', '1.10'),
      merges: isSetSupported('ExcelApi', '1.13'),
    };
  }

  private run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    return this.live ? this.excelRun(batch, { delayForCellEdit: true }) : this.excelRun(batch);
  }

  get canExplain(): boolean {
    return this.caps.notes || this.caps.comments;
  }

  /**
   * Sheet names, listed once when the pane opens, and each sheet's size and first rows weighed (a second round trip)
   * so that a check's first request is already as large as a response may be.
   */
  async listSheets(): Promise<string[]> {
    this.names = await this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      await context.sync();
      const names = sheets.items.map((w) => w.name).filter((n) => n !== RECORD_SHEET);
      await sampleSheets(context, names, this.memory, this.responseBudget);
      return names;
    });
    return this.names;
  }

  async read(onProgress?: (done: number, total: number) => void): Promise<{ snapshot: WorkbookSnapshot; acks: Acknowledgements; notices: Text[] }> {
    if (this.names.length === 0) await this.listSheets();
    this.view = null;
    const result = await this.run((context) =>
      readWorkbook(context, { sheets: this.names, merges: this.caps.merges, memory: this.memory, ...(this.responseBudget ? { responseBudget: this.responseBudget } : {}), settings: [SETTINGS.acks, SETTINGS.marks], view: true, ...(onProgress ? { onProgress } : {}) }),
    );
    if (result.view) this.view = { seen: { ...result.view, record: result.settings[SETTINGS.marks] }, at: Date.now() };
    let snapshot = flagGenerated(result.snapshot, result);
    const all = result.allSheets.filter((n) => n !== RECORD_SHEET);
    const added = all.filter((n) => !this.names.includes(n));
    this.names = all;
    if (added.length > 0) {
      // Sheets added since the names were listed: one more round trip, then in workbook order (the view saw none).
      this.view = null;
      const more = await this.readSheets(added);
      const byName = new Map([...snapshot.sheets, ...more.sheets].map((s) => [s.name, s]));
      snapshot = { sheets: this.names.flatMap((n) => byName.get(n) ?? []) };
    }
    this.acksBase = parseSetting(acknowledgementsSchema, result.settings[SETTINGS.acks], emptyAcks);
    return { snapshot, acks: this.acksBase, notices: result.problems.map((p) => p.text) };
  }

  async readSheets(names: string[]): Promise<WorkbookSnapshot> {
    this.view = null;
    const r = await this.run((context) => readWorkbook(context, { sheets: names, merges: this.caps.merges, memory: this.memory, settings: [SETTINGS.marks], ...(this.responseBudget ? { responseBudget: this.responseBudget } : {}) }));
    return flagGenerated(r.snapshot, r);
  }

  /**
   * The workbook after the user's edits: each sheet edited in known rows is read by those rows only (one round trip
   * for all of them, with each sheet's used range to see that no row or column came or went) and merged into
   * `base`; a sheet whose used range changed, or edited without rows, is read whole.
   */
  async readEdits(base: WorkbookSnapshot, edits: SheetEdit[]): Promise<{ snapshot: WorkbookSnapshot; edited: EditedRows[] }> {
    this.view = null;
    const prev = new Map(base.sheets.map((s) => [s.name, s]));
    const byRows = edits.filter((e) => e.rows !== null && (prev.get(e.sheet)?.values.length ?? 0) > 0);
    const whole = new Set(edits.filter((e) => !byRows.includes(e)).map((e) => e.sheet));
    const merged = new Map<string, WorkbookSnapshot['sheets'][number]>();
    if (byRows.length > 0) {
      const reads = await this.run(async (context) => {
        const loads = byRows.map((e) => {
          const s = prev.get(e.sheet) as WorkbookSnapshot['sheets'][number];
          const ws = context.workbook.worksheets.getItemOrNullObject(e.sheet);
          const used = ws.getUsedRangeOrNullObject(true);
          used.load(SIZE_PROPS);
          const width = s.values.reduce((w, r) => Math.max(w, r.length), 0);
          const last = s.origin.row + s.values.length - 1;
          const runs = runsOf((e.rows ?? []).filter((r) => r >= s.origin.row && r <= last)).map(([row, count]) => {
            const range = ws.getRangeByIndexes(row - 1, s.origin.column - 1, count, Math.max(1, width));
            range.load(['values', 'formulas']);
            return { row, range };
          });
          const outside = (e.rows ?? []).some((r) => r < s.origin.row || r > last);
          return { e, s, ws, used, runs, outside };
        });
        await context.sync();
        return loads.map((l) => {
          if (l.ws.isNullObject || l.used.isNullObject || l.outside) return { e: l.e, sheet: null };
          const used = { rowIndex: l.used.rowIndex, columnIndex: l.used.columnIndex, rowCount: l.used.rowCount, columnCount: l.used.columnCount };
          return { e: l.e, sheet: mergeRows(l.s, { used, runs: l.runs.map((r) => ({ row: r.row, values: r.range.values, formulas: r.range.formulas })) }) };
        });
      });
      for (const r of reads) {
        if (r.sheet) merged.set(r.e.sheet, r.sheet);
        else whole.add(r.e.sheet);
      }
    }
    let snapshot: WorkbookSnapshot = { ...base, sheets: base.sheets.map((s) => merged.get(s.name) ?? s) };
    if (whole.size > 0) snapshot = mergeSheets(snapshot, await this.readSheets([...whole]));
    const edited = byRows.filter((e) => merged.has(e.sheet)).map((e) => ({ sheet: e.sheet, rows: e.rows ?? [] }));
    return { snapshot, edited };
  }

  async apply(actions: Action[]): Promise<ApplyReport> {
    if (this.names.length === 0) await this.listSheets();
    // The read's view, once, and only while the check that read it is still fresh.
    const view = this.view && Date.now() - this.view.at < VIEW_MS ? this.view.seen : undefined;
    this.view = null;
    const mine = actions.flatMap((a) => (a.kind === 'set-number' || a.kind === 'set-formula' ? [`${a.sheet}!${a.cell}`] : []));
    for (const c of mine) this.writing.add(c);
    try {
      // Marks again after an edit: only the bands and explanations that changed are written.
      const layout = this.layout;
      if (layout && isMarksPlan(actions)) {
        const d = await this.run((context) => applyMarkDiff(context, layout, actions, this.caps)).catch(() => null);
        if (d) {
          this.layout = d.layout;
          this.lastApply = { syncs: d.syncs, marked: d.marked, notes: d.notes, diff: true };
          return { skipped: d.skipped, uncleared: [], protectedSheets: [] };
        }
      }
      // The ids this pane wrote: ours on a sheet whose rules Excel will not read (office-js #6827).
      const known = new Map<string, string[]>();
      for (const c of layout?.cfs ?? []) (known.get(c.sheet) ?? known.set(c.sheet, []).get(c.sheet))?.push(c.id);
      this.layout = null;
      const r = await this.run((context) => applyActions(context, actions, { caps: this.caps, sheetNames: this.names, known, ...(view ? { view } : {}) }));
      this.lastApply = { syncs: r.syncs, marked: r.marked, notes: r.notes, diff: false };
      // After a complete clear and write, the workbook holds exactly what this apply wrote.
      if (actions.some((a) => a.kind === 'clear-marks') && r.uncleared.length === 0 && r.protectedSheets.length === 0) this.layout = r.layout;
      return { skipped: r.skipped, uncleared: r.uncleared, protectedSheets: r.protectedSheets };
    } finally {
      for (const c of mine) this.writing.delete(c);
    }
  }

  async select(sheet: string, cell: string): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await context.sync();
    });
  }

  /**
   * Reads what is stored and writes it merged with this pane's changes, in one batch: a co-author's
   * acknowledgements saved since our read are kept (settings are one value, so a plain write would drop them).
   */
  async saveAcks(acks: Acknowledgements): Promise<Acknowledgements> {
    const merged = await this.run(async (context) => {
      const item = context.workbook.settings.getItemOrNullObject(SETTINGS.acks);
      item.load('value');
      await context.sync();
      const stored = item.isNullObject ? emptyAcks() : parseSetting(acknowledgementsSchema, item.value, emptyAcks);
      const next = mergeAcks(this.acksBase, acks, stored);
      // Settings are not cells: writing them raises no worksheet change.
      context.workbook.settings.add(SETTINGS.acks, JSON.stringify(next));
      await context.sync();
      return next;
    }).catch((e: unknown) => {
      throw explainWriteError(e);
    });
    this.acksBase = merged;
    return merged;
  }

  private async learnSheetIds(ids: Map<string, string>): Promise<void> {
    await this.run(async (context) => {
      const sheets = context.workbook.worksheets.load('items/id,items/name');
      await context.sync();
      ids.clear();
      for (const w of sheets.items) ids.set(w.id, w.name);
    });
  }

  /** Whether a change event is one of our own writes: by its source where Excel tags it, else by its cells. */
  private ours(event: Excel.WorksheetChangedEventArgs, sheet: string): boolean {
    // ExcelApi 1.14 tags what this add-in wrote; applyActions also writes cells with events off.
    if ((event as { triggerSource?: string }).triggerSource === 'ThisLocalAddin') return true;
    if (this.writing.size === 0 || !event.address) return false;
    // Older Excel: an event naming exactly a cell our apply is writing is ours; an edit the user makes while we
    // write (any other cell) is the user's, and is reported.
    return event.address.split(',').every((a) => this.writing.has(`${sheet}!${a.replace(/\$/g, '')}`));
  }

  async watch(onEdit: (edits: SheetEdit[]) => void): Promise<() => Promise<void>> {
    const ids = new Map<string, string>();
    const handler = await this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/id,items/name');
      const result = sheets.onChanged.add(async (event: Excel.WorksheetChangedEventArgs) => {
        // A sheet added (or renamed) after the pane started watching: learn the names again.
        if (!ids.has(event.worksheetId)) await this.learnSheetIds(ids).catch(() => undefined);
        const name = ids.get(event.worksheetId);
        if (!name || name === RECORD_SHEET || this.ours(event, name)) return;
        // Rows or columns inserted or deleted move every row below: only a cell edit is read by its rows.
        const rows = event.changeType === 'RangeEdited' ? rowsOfAddress(event.address) : null;
        onEdit([{ sheet: name, rows }]);
      });
      await context.sync();
      for (const w of sheets.items) ids.set(w.id, w.name);
      return result;
    });
    this.live = true;
    // A handler is removed through the context it was added with.
    return async () => {
      this.live = false;
      handler.remove();
      await handler.context.sync();
    };
  }
}
