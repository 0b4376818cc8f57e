import type { Action, WorkbookSnapshot } from '../../domain';
import type { Acknowledgements, PlanHost } from '../host';
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

  async apply(actions: Action[]): Promise<void> {
    const result = patchXlsx(this.bytes, actions);
    this.bytes = result.bytes;
    this.skippedNotes = result.skippedNotes;
    // Marks and notes change nothing a snapshot holds: keep it; fixes and new sheets are read anew.
    if (actions.some((a) => CHANGES_CONTENT.has(a.kind))) this.snapshot = null;
  }

  /** There is no Excel selection: the pane shows the cell in its own preview grid. */
  async select(): Promise<void> {}

  async saveAcks(acks: Acknowledgements): Promise<void> {
    this.bytes = patchXlsx(this.bytes, [], { acks: JSON.stringify(acks) }).bytes;
  }

  async watch(): Promise<() => Promise<void>> {
    return async () => undefined;
  }

  /** The workbook as it is now (marks, fixes, summaries, acknowledgements), as .xlsx bytes. */
  async download(): Promise<ArrayBuffer> {
    return copyOf(this.bytes);
  }

  /** The name to save the copy under: never the name of the file that was opened. */
  get copyName(): string {
    // A macro workbook or a template keeps its extension: its package says what it is (an .xlsm renamed .xlsx
    // would not open in Excel).
    const ext = /\.(xlsx|xlsm|xltx|xltm)$/i.exec(this.fileName)?.[0] ?? '';
    return `${this.fileName.slice(0, this.fileName.length - ext.length)}.ตรวจแล้ว${ext || '.xlsx'}`;
  }
}
