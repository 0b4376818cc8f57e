import { parentPort, workerData } from 'node:worker_threads';
import { catalogsOf } from '../catalogs';
import type { Lang } from '../i18n';
import { digestFile } from './digest';

/**
 * A worker thread of `summarize --combine`: reads and analyses the files it is sent, one at a time, and posts each
 * digest back. The main thread only adds digests up, so several large workbooks are analysed at once.
 */
const { catalogFiles, lang, debug } = workerData as { catalogFiles: string[]; lang: Lang; debug: boolean };
// The main thread has already loaded these once and stopped if one was not usable.
const loaded = catalogsOf(catalogFiles, lang);
const catalogs = typeof loaded === 'string' ? undefined : loaded;

parentPort?.on('message', (task: { index: number; file: string }) => {
  void digestFile(task.file, catalogs, lang, { debug }).then((outcome) => parentPort?.postMessage({ index: task.index, outcome }));
});
