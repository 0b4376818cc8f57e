import { analyze, planMarks, type Action, type MarkOptions, type TotalsPlan, type WorkbookSnapshot } from '../../domain';
import type { Acknowledgements, ApplyReport } from '../../workbook/host';
import { FileHost } from '../../workbook/xlsx/file-host';
import { Analyses, planFix, previewWindow, type CheckProgress, type Checked, type FixRequest, type PreviewWindow } from '../state/engine';

/** What the file engine says back besides its answer: whether there is work not yet downloaded. */
export interface Answer<T> {
  value: T;
  dirty: boolean;
}

/**
 * The browser mode's engine: the opened file's bytes, its snapshot and its whole analyses stay here (in a Web
 * Worker: engine.worker.ts), and only what the pane shows or asked for crosses to the UI thread. Every argument
 * and answer is plain data (structured clone); `onProgress` is a comlink proxy.
 */
export class FileEngine {
  private host: FileHost | null = null;
  private analyses = new Analyses();
  private snapshot: WorkbookSnapshot | null = null;

  private get file(): FileHost {
    if (!this.host) throw new Error('no file is open');
    return this.host;
  }

  private answer<T>(value: T): Answer<T> {
    return { value, dirty: this.file.dirty };
  }

  /** Opens (reads) the file: a file that is not a workbook is refused here, with the reader's th/en reason. */
  async open(bytes: ArrayBuffer, name: string): Promise<{ fileName: string; copyName: string }> {
    this.host = await FileHost.open(bytes, name);
    this.analyses = new Analyses();
    this.snapshot = null;
    return { fileName: this.host.fileName, copyName: this.host.copyName };
  }

  async check(onProgress: (p: CheckProgress) => void): Promise<Answer<Checked>> {
    const { snapshot, acks } = await this.file.read((done, total) => onProgress({ step: 'reading', done, total }));
    onProgress({ step: 'analysing' });
    const analysis = this.analyses.add(analyze(snapshot), snapshot);
    this.snapshot = snapshot;
    // The snapshot stays here: 50k rows are ~47 MB as a clone, and the pane needs only the cells it previews.
    return this.answer({ snapshot: null, analysis, acks });
  }

  async writeMarks(id: number | null, options: MarkOptions): Promise<Answer<ApplyReport>> {
    const actions: Action[] = id === null ? [{ kind: 'clear-marks' }] : planMarks(this.analyses.get(id), options);
    return this.answer(await this.file.apply(actions));
  }

  async planFix(id: number, fix: FixRequest): Promise<TotalsPlan> {
    return planFix(this.analyses.get(id), fix);
  }

  async summaries(id: number): Promise<Extract<Action, { kind: 'add-sheet' }>[]> {
    return this.analyses.summaries(id);
  }

  async apply(actions: Action[]): Promise<Answer<ApplyReport>> {
    return this.answer(await this.file.apply(actions));
  }

  async preview(sheet: string, cell: string): Promise<PreviewWindow | null> {
    return this.snapshot ? previewWindow(this.snapshot, sheet, cell) : null;
  }

  async saveAcks(acks: Acknowledgements): Promise<Answer<Acknowledgements>> {
    return this.answer(await this.file.saveAcks(acks));
  }

  async download(marks: boolean): Promise<Answer<ArrayBuffer>> {
    return this.answer(await this.file.download({ marks }));
  }
}
