import { proxy, releaseProxy, transfer, wrap, type Remote } from 'comlink';
import type { ApplyReport } from '../../workbook/host';
import type { Engine } from '../state/engine';
import type { Answer, FileEngine } from './file-engine';
import { unwrap, type Guarded } from './protocol';
import { spawnEngineWorker } from './spawn';

type Api = Guarded<FileEngine>;

/** A file opened in the engine: the pane's Engine, and what the browser mode's top bar needs. */
export interface OpenedFile {
  engine: Engine;
  fileName: string;
  /** The name to save the copy under (never the opened file's). */
  copyName: string;
  /** Fixes, summaries or acknowledgements not yet downloaded. */
  readonly dirty: boolean;
  download(options: { marks: boolean }): Promise<ArrayBuffer>;
  /** Ends the worker (another file is opened, or the pane closes). */
  close(): void;
}

/**
 * Opens `bytes` in a FileEngine: in a Web Worker where there is one (the browser), else on this thread. The bytes
 * are transferred to the worker, not copied.
 */
export async function openFile(bytes: ArrayBuffer, name: string): Promise<OpenedFile> {
  if (typeof Worker === 'undefined') {
    const { FileEngine } = await import(/* webpackChunkName: "xlsx" */ './file-engine');
    const { FILE_ENGINE_METHODS, guarded } = await import('./protocol');
    return opened(guarded(new FileEngine(), [...FILE_ENGINE_METHODS]), bytes, name, (f) => f, () => undefined, (b) => b);
  }
  const worker = spawnEngineWorker();
  const api: Remote<Api> = wrap<Api>(worker);
  const end = (): void => {
    api[releaseProxy]();
    worker.terminate();
  };
  try {
    return await opened(api as unknown as Api, bytes, name, (f) => proxy(f), end, (b) => transfer(b, [b]));
  } catch (e) {
    end();
    throw e;
  }
}

async function opened(
  api: Api,
  bytes: ArrayBuffer,
  name: string,
  callback: <F extends (...a: never[]) => void>(f: F) => F,
  close: () => void,
  give: (b: ArrayBuffer) => ArrayBuffer,
): Promise<OpenedFile> {
  const { fileName, copyName } = unwrap(await api.open(give(bytes), name));
  let dirty = false;
  const seen = <T>(a: Answer<T>): T => {
    dirty = a.dirty;
    return a.value;
  };
  const report = async (p: ReturnType<Api['apply']>): Promise<ApplyReport> => seen(unwrap(await p));
  const engine: Engine = {
    kind: 'file',
    canExplain: true,
    check: async (onProgress) => seen(unwrap(await api.check(callback(onProgress)))),
    recheck: () => Promise.reject(new Error('a file is not edited while it is open: there is nothing to re-check')),
    writeMarks: (analysis, options) => report(api.writeMarks(analysis?.id ?? null, options)),
    planFix: async (analysis, fix) => unwrap(await api.planFix(analysis.id, fix)),
    summaries: async (analysis) => unwrap(await api.summaries(analysis.id)),
    apply: (actions) => report(api.apply(actions)),
    preview: async (sheet, cell) => unwrap(await api.preview(sheet, cell)),
    // There is no Excel selection: the pane shows the cell in its own preview grid.
    select: async () => undefined,
    saveAcks: async (acks) => seen(unwrap(await api.saveAcks(acks))),
    // Nothing else writes to these bytes while they are open in this tab.
    watch: async () => async () => undefined,
  };
  return {
    engine,
    fileName,
    copyName,
    get dirty() {
      return dirty;
    },
    download: async ({ marks }) => seen(unwrap(await api.download(marks))),
    close,
  };
}
