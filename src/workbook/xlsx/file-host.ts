import type ExcelJS from 'exceljs';
import type { Action } from '../../domain/actions/types';
import type { WorkbookSnapshot } from '../../domain/snapshot';
import { RECORD_SHEET, type Acknowledgements, type PlanHost } from '../host';
import { acknowledgementsSchema, emptyAcks, parseSetting } from '../office/registry';
import { readWorkbookPackage, type PackageRead } from './package';

/** Actions that change what a snapshot holds (values, formulas, formats, sheets); marks and notes do not. */
const CHANGES_CONTENT = new Set<Action['kind']>(['set-number', 'set-formula', 'add-sheet']);

/**
 * The host for a file opened in the browser (no Excel). Snapshots come from the package reader over the
 * bytes the file was opened with (or, once fixes were applied, the bytes those fixes produced); writing still
 * goes through exceljs, loaded only when the first action is applied. "ดาวน์โหลด" gives the marked or fixed
 * copy. Acknowledgements travel inside the file, in a very hidden sheet, so the next reviewer who opens the
 * copy sees them.
 */
export class FileHost implements PlanHost {
  readonly kind = 'file' as const;
  readonly canExplain = true;
  /** The workbook being written, loaded from `bytes` on the first write. */
  private writer: ExcelJS.Workbook | null = null;
  /** The writer holds changes to content that `bytes` (and so `current`) do not have yet. */
  private stale = false;

  private constructor(
    /** The package the snapshot was read from: the opened file until content changes. */
    private bytes: Uint8Array,
    readonly fileName: string,
    private current: PackageRead,
    private acks: Acknowledgements,
  ) {}

  /** Opens a workbook; throws WorkbookReadError (th/en) when the file is not one the reader can read. */
  static async open(bytes: ArrayBuffer, fileName: string): Promise<FileHost> {
    const data = new Uint8Array(bytes);
    const read = readWorkbookPackage(data, { file: fileName });
    const raw = read.record?.origin.row === 1 && read.record.origin.column === 1 ? read.record.values[0]?.[0] : undefined;
    return new FileHost(data, fileName, read, parseSetting(acknowledgementsSchema, raw, emptyAcks));
  }

  async read(onProgress?: (done: number, total: number) => void): Promise<{ snapshot: WorkbookSnapshot; acks: Acknowledgements }> {
    const { snapshot } = await this.fresh();
    onProgress?.(1, 1);
    return { snapshot, acks: this.acks };
  }

  async readSheets(names: string[]): Promise<WorkbookSnapshot> {
    const { snapshot } = await this.fresh();
    return { ...snapshot, sheets: snapshot.sheets.filter((s) => names.includes(s.name)) };
  }

  async apply(actions: Action[]): Promise<void> {
    const { applyToWorkbook } = await import('./write');
    applyToWorkbook(await this.workbook(), actions);
    if (actions.some((a) => CHANGES_CONTENT.has(a.kind))) this.stale = true;
  }

  /** There is no Excel selection: the pane shows the cell in its own preview grid. */
  async select(): Promise<void> {}

  async saveAcks(acks: Acknowledgements): Promise<void> {
    const wb = await this.workbook();
    const ws = wb.getWorksheet(RECORD_SHEET) ?? wb.addWorksheet(RECORD_SHEET, { state: 'veryHidden' });
    ws.getCell('A1').value = JSON.stringify(acks);
    this.acks = acks;
  }

  async watch(): Promise<() => Promise<void>> {
    return async () => undefined;
  }

  /** The workbook as it is now (marks, fixes, summaries, acknowledgements), as .xlsx bytes. */
  async download(): Promise<ArrayBuffer> {
    if (!this.writer) return this.bytes.slice().buffer;
    return (await this.writer.xlsx.writeBuffer()) as ArrayBuffer;
  }

  /** The name to save the copy under: never the name of the file that was opened. */
  get copyName(): string {
    return this.fileName.replace(/(\.xlsx)?$/i, '.ตรวจแล้ว.xlsx');
  }

  private async workbook(): Promise<ExcelJS.Workbook> {
    if (!this.writer) {
      const { default: Excel } = await import('exceljs');
      const wb = new Excel.Workbook();
      await wb.xlsx.load(this.bytes.slice().buffer);
      this.writer = wb;
    }
    return this.writer;
  }

  /** The read of the workbook as it is now: re-read from the writer's bytes after content changed. */
  private async fresh(): Promise<PackageRead> {
    if (this.stale && this.writer) {
      this.bytes = new Uint8Array((await this.writer.xlsx.writeBuffer()) as ArrayBuffer);
      this.current = readWorkbookPackage(this.bytes, { file: this.fileName });
      this.stale = false;
    }
    return this.current;
  }
}
