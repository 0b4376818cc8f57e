import type { Action, EditedRows, WorkbookSnapshot } from '../../domain';
import { emptyApplyReport, mergeSheets, type Acknowledgements, type ApplyReport, type PlanHost, type SheetEdit } from '../host';
import { acknowledgementsSchema, emptyAcks, parseSetting } from '../office/registry';
import { patchXlsx, readRecordOf } from './patch';
import { readWorkbookPackage } from './package';

/** Actions that change what a snapshot holds (values, formulas, formats, sheets); marks and notes do not. */
const CHANGES_CONTENT = new Set<Action['kind']>(['set-number', 'set-formula', 'add-sheet']);

const copyOf = (bytes: Uint8Array): ArrayBuffer => bytes.slice().buffer as ArrayBuffer;

/**
 * The host for a file opened in the browser (no Excel): it keeps the file's bytes, and every action is a patch
 * of those bytes (only the parts and cells an action names change), so "ดาวน์โหลด" gives the user's own file
 * with our marks, fixes and summaries and nothing else altered. Acknowledgements travel inside the file, in
 * the very hidden record sheet, so the next reviewer who opens the copy sees them.
 */
export class FileHost implements PlanHost {
  readonly kind = 'file' as const;
  readonly canExplain = true;
  /** Cells where the last apply did not write an explanation because the user has a note or comment there. */
  skippedNotes: { sheet: string; cell: string }[] = [];
  /** Something was written (fixes, summaries, marks, acknowledgements) since the file was opened or downloaded. */
  dirty = false;
  private snapshot: WorkbookSnapshot | null = null;

  private constructor(
    private bytes: Uint8Array,
    readonly fileName: string,
  ) {}

  static async open(bytes: ArrayBuffer, fileName: string): Promise<FileHost> {
    const host = new FileHost(new Uint8Array(bytes.slice(0)), fileName);
    // Reading it once proves it is a workbook (and keeps the snapshot for the first check).
    host.snapshot = readWorkbookPackage(host.bytes, { file: fileName }).snapshot;
    readRecordOf(host.bytes);
    return host;
  }

  private async current(): Promise<WorkbookSnapshot> {
    this.snapshot ??= readWorkbookPackage(this.bytes, { file: this.fileName }).snapshot;
    return this.snapshot;
  }

  async read(onProgress?: (done: number, total: number) => void): Promise<{ snapshot: WorkbookSnapshot; acks: Acknowledgements }> {
    const snapshot = await this.current();
    onProgress?.(1, 1);
    return { snapshot, acks: parseSetting(acknowledgementsSchema, readRecordOf(this.bytes).acks, emptyAcks) };
  }

  async readSheets(names: string[]): Promise<WorkbookSnapshot> {
    const all = await this.current();
    return { ...all, sheets: all.sheets.filter((s) => names.includes(s.name)) };
  }

  /** A file changes only through this pane: the sheets are read again from the bytes, whole. */
  async readEdits(base: WorkbookSnapshot, edits: SheetEdit[]): Promise<{ snapshot: WorkbookSnapshot; edited: EditedRows[] }> {
    return { snapshot: mergeSheets(base, await this.readSheets(edits.map((e) => e.sheet))), edited: [] };
  }

  async apply(actions: Action[]): Promise<ApplyReport> {
    const result = patchXlsx(this.bytes, actions);
    this.bytes = result.bytes;
    this.skippedNotes = result.skippedNotes;
    // Marks and notes change nothing a snapshot holds: keep it; fixes and new sheets are read anew.
    if (actions.some((a) => CHANGES_CONTENT.has(a.kind))) this.snapshot = null;
    // Marks come back with the next check; fixes and summaries are the user's work.
    if (actions.some((a) => a.kind === 'set-number' || a.kind === 'set-formula' || a.kind === 'add-sheet')) this.dirty = true;
    // The patcher skips a cell that has the user's note or comment (a file has no reply threads of ours to keep).
    return { ...emptyApplyReport(), skipped: result.skippedNotes.map((n) => ({ ...n, reason: 'user-note' as const })) };
  }

  /** There is no Excel selection: the pane shows the cell in its own preview grid. */
  async select(): Promise<void> {}

  /** One reviewer edits a file in this browser tab: nothing else writes to these bytes, so there is nothing to merge. */
  async saveAcks(acks: Acknowledgements): Promise<Acknowledgements> {
    this.bytes = patchXlsx(this.bytes, [], { acks: JSON.stringify(acks) }).bytes;
    this.dirty = true;
    return acks;
  }

  async watch(): Promise<() => Promise<void>> {
    return async () => undefined;
  }

  /**
   * The workbook as it is now (fixes, summaries, acknowledgements) as .xlsx bytes; our marks and explanations only
   * when asked (they print, and the copy usually goes to someone else). Downloading saves the work.
   */
  async download(options: { marks?: boolean } = {}): Promise<ArrayBuffer> {
    this.dirty = false;
    return copyOf(options.marks ? this.bytes : patchXlsx(this.bytes, [{ kind: 'clear-marks' }]).bytes);
  }

  /** The name to save the copy under: never the name of the file that was opened. */
  get copyName(): string {
    // A macro workbook or a template keeps its extension: its package says what it is (an .xlsm renamed .xlsx
    // would not open in Excel).
    const ext = /\.(xlsx|xlsm|xltx|xltm)$/i.exec(this.fileName)?.[0] ?? '';
    return `${this.fileName.slice(0, this.fileName.length - ext.length)}.ตรวจแล้ว${ext || '.xlsx'}`;
  }
}
