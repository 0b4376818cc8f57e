import ExcelJS from 'exceljs';
import type { Action, WorkbookSnapshot } from '../../domain';
import { RECORD_SHEET, type Acknowledgements, type PlanHost } from '../host';
import { acknowledgementsSchema, emptyAcks, parseSetting } from '../office/registry';
import { snapshotOf } from './read';
import { applyToWorkbook } from './write';

/**
 * The host for a file opened in the browser (no Excel): the workbook lives in memory, actions are applied to it
 * with exceljs, and "ดาวน์โหลด" gives the marked or fixed copy. Acknowledgements travel inside the file, in a
 * very hidden sheet, so the next reviewer who opens the copy sees them.
 */
export class FileHost implements PlanHost {
  readonly kind = 'file' as const;
  readonly canExplain = true;

  private constructor(
    private readonly wb: ExcelJS.Workbook,
    readonly fileName: string,
  ) {}

  static async open(bytes: ArrayBuffer, fileName: string): Promise<FileHost> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes);
    return new FileHost(wb, fileName);
  }

  async read(onProgress?: (done: number, total: number) => void): Promise<{ snapshot: WorkbookSnapshot; acks: Acknowledgements }> {
    const snapshot = snapshotOf(this.wb, this.fileName);
    onProgress?.(1, 1);
    const raw = this.wb.getWorksheet(RECORD_SHEET)?.getCell('A1').value;
    return { snapshot, acks: parseSetting(acknowledgementsSchema, raw, emptyAcks) };
  }

  async readSheets(names: string[]): Promise<WorkbookSnapshot> {
    const all = snapshotOf(this.wb, this.fileName);
    return { ...all, sheets: all.sheets.filter((s) => names.includes(s.name)) };
  }

  async apply(actions: Action[]): Promise<void> {
    applyToWorkbook(this.wb, actions);
  }

  /** There is no Excel selection: the pane shows the cell in its own preview grid. */
  async select(): Promise<void> {}

  async saveAcks(acks: Acknowledgements): Promise<void> {
    const ws = this.wb.getWorksheet(RECORD_SHEET) ?? this.wb.addWorksheet(RECORD_SHEET, { state: 'veryHidden' });
    ws.getCell('A1').value = JSON.stringify(acks);
  }

  async watch(): Promise<() => Promise<void>> {
    return async () => undefined;
  }

  /** The workbook as it is now (marks, fixes, summaries, acknowledgements), as .xlsx bytes. */
  async download(): Promise<ArrayBuffer> {
    return (await this.wb.xlsx.writeBuffer()) as ArrayBuffer;
  }

  /** The name to save the copy under: never the name of the file that was opened. */
  get copyName(): string {
    return this.fileName.replace(/(\.xlsx)?$/i, '.ตรวจแล้ว.xlsx');
  }
}
