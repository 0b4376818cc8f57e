import type { Action, Text, WorkbookSnapshot } from '../../domain';
import { RECORD_SHEET, type Acknowledgements, type ApplyReport, type PlanHost } from '../host';
import { applyActions, type HostCaps } from './apply';
import { explainWriteError } from './errors';
import { readWorkbook, type ReadResult } from './read';
import type { ReadMemory } from './read-plan';
import { SETTINGS, acknowledgementsSchema, emptyAcks, emptyRegistry, markRegistrySchema, mergeAcks, parseSetting } from './registry';

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The sheets our record lists as generated, by id, flagged so that a re-check leaves them out. */
function flagGenerated(snapshot: WorkbookSnapshot, read: ReadResult): WorkbookSnapshot {
  const ours = new Set(parseSetting(markRegistrySchema, read.settings[SETTINGS.marks], emptyRegistry).generated.map((g) => g.id));
  if (ours.size === 0) return snapshot;
  return { ...snapshot, sheets: snapshot.sheets.map((s) => (ours.has(read.sheetIds.get(s.name) ?? '') ? { ...s, generated: true } : s)) };
}
type IsSetSupported = (name: string, version: string) => boolean;

/** The Excel host: every call is one Excel.run with as few syncs as it needs. */
export class OfficeHost implements PlanHost {
  readonly kind = 'excel' as const;
  readonly caps: HostCaps & { merges: boolean };
  private names: string[] = [];
  /** The acknowledgements as last read or saved: what this pane changed is measured against them. */
  private acksBase: Acknowledgements = emptyAcks();
  /** Each sheet's rows and weight from the last read, so the next read is cut right from its first request. */
  private readonly memory: ReadMemory = new Map();

  constructor(
    private readonly run: Run,
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

  get canExplain(): boolean {
    return this.caps.notes || this.caps.comments;
  }

  /** Sheet names, listed once when the pane opens so that a check reads everything in one sync. */
  async listSheets(): Promise<string[]> {
    this.names = await this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      await context.sync();
      return sheets.items.map((w) => w.name).filter((n) => n !== RECORD_SHEET);
    });
    return this.names;
  }

  async read(onProgress?: (done: number, total: number) => void): Promise<{ snapshot: WorkbookSnapshot; acks: Acknowledgements; notices: Text[] }> {
    if (this.names.length === 0) await this.listSheets();
    const result = await this.run((context) =>
      readWorkbook(context, { sheets: this.names, merges: this.caps.merges, memory: this.memory, ...(this.responseBudget ? { responseBudget: this.responseBudget } : {}), settings: [SETTINGS.acks, SETTINGS.marks], ...(onProgress ? { onProgress } : {}) }),
    );
    let snapshot = flagGenerated(result.snapshot, result);
    const all = result.allSheets.filter((n) => n !== RECORD_SHEET);
    const added = all.filter((n) => !this.names.includes(n));
    this.names = all;
    if (added.length > 0) {
      // Sheets added since the names were listed: one more round trip, then in workbook order.
      const more = await this.readSheets(added);
      const byName = new Map([...snapshot.sheets, ...more.sheets].map((s) => [s.name, s]));
      snapshot = { sheets: this.names.flatMap((n) => byName.get(n) ?? []) };
    }
    this.acksBase = parseSetting(acknowledgementsSchema, result.settings[SETTINGS.acks], emptyAcks);
    return { snapshot, acks: this.acksBase, notices: result.problems.map((p) => p.text) };
  }

  async readSheets(names: string[]): Promise<WorkbookSnapshot> {
    const r = await this.run((context) => readWorkbook(context, { sheets: names, merges: this.caps.merges, memory: this.memory, settings: [SETTINGS.marks], ...(this.responseBudget ? { responseBudget: this.responseBudget } : {}) }));
    return flagGenerated(r.snapshot, r);
  }

  async apply(actions: Action[]): Promise<ApplyReport> {
    if (this.names.length === 0) await this.listSheets();
    const r = await this.run((context) => applyActions(context, actions, { caps: this.caps, sheetNames: this.names }));
    return { skipped: r.skipped, uncleared: r.uncleared, protectedSheets: r.protectedSheets };
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

  async watch(onEdit: (sheets: string[]) => void): Promise<() => Promise<void>> {
    const ids = new Map<string, string>();
    const handler = await this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/id,items/name');
      const result = sheets.onChanged.add(async (event: Excel.WorksheetChangedEventArgs) => {
        // Ours are told apart by what they are, not by when they come: applyActions writes cells with events
        // off, and Excel tags anything else we write (ExcelApi 1.14). An edit the user makes while we write
        // is the user's, and is reported.
        if ((event as { triggerSource?: string }).triggerSource === 'ThisLocalAddin') return;
        // A sheet added (or renamed) after the pane started watching: learn the names again.
        if (!ids.has(event.worksheetId)) await this.learnSheetIds(ids).catch(() => undefined);
        const name = ids.get(event.worksheetId);
        if (name && name !== RECORD_SHEET) onEdit([name]);
      });
      await context.sync();
      for (const w of sheets.items) ids.set(w.id, w.name);
      return result;
    });
    // A handler is removed through the context it was added with.
    return async () => {
      handler.remove();
      await handler.context.sync();
    };
  }
}
