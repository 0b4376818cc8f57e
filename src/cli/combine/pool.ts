import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Catalog } from '../../domain';
import { T, type Lang } from '../i18n';
import { reason, type Io } from '../io';
import { digestFile, type DigestOutcome } from './digest';

/** Workers by default: one per core, at most 4 (each holds one workbook's analysis: a 50k-row plan is ~0.5 GB). */
export const defaultWorkers = (): number => Math.min(4, availableParallelism());

/**
 * The worker's script: the compiled .js beside this file, or under ts-node/tsx/jest the .ts source, which the
 * worker then loads through tsx (a development dependency, present wherever the sources run uncompiled).
 */
function workerScript(): { file: string; execArgv: string[] } {
  const ext = extname(__filename);
  const file = join(__dirname, `worker${ext}`);
  return { file, execArgv: ext === '.ts' ? ['--require', require.resolve('tsx/cjs')] : [] };
}

/**
 * Every file's digest, in the order given. With more than one file and workers allowed, the files are read and
 * analysed in worker threads (each takes the next file when it is done); otherwise here, one after another.
 * `onDone` is called as each file finishes (for the progress bar).
 */
export async function digestAll(
  files: readonly string[],
  options: { catalogs: readonly Catalog[] | undefined; catalogFiles: string[]; lang: Lang; io: Pick<Io, 'readFile' | 'debug' | 'workers' | 'workerHeapMb'>; onDone?: (done: number, file: string) => void },
): Promise<{ outcomes: DigestOutcome[]; workers: number }> {
  const { catalogs, catalogFiles, lang, io, onDone } = options;
  const workers = Math.min(files.length, io.workers ?? defaultWorkers());
  const outcomes: DigestOutcome[] = new Array(files.length);
  let done = 0;
  if (files.length < 2 || workers < 1) {
    for (const [k, file] of files.entries()) {
      outcomes[k] = await digestFile(file, catalogs, lang, io);
      onDone?.(++done, file);
    }
    return { outcomes, workers: 0 };
  }
  const { file: script, execArgv } = workerScript();
  const start = (): Worker =>
    new Worker(script, {
      workerData: { catalogFiles, lang, debug: io.debug ?? false },
      execArgv,
      ...(io.workerHeapMb ? { resourceLimits: { maxOldGenerationSizeMb: io.workerHeapMb } } : {}),
    });
  let next = 0;
  // One lane per worker: it takes the next file when it is done. A worker that dies on a file (out of memory on a
  // huge workbook) costs that file only: it is reported as not analysed and a fresh worker takes the next one.
  const lane = async (): Promise<void> => {
    let worker: Worker | null = null;
    try {
      for (let index = next++; index < files.length; index = next++) {
        const file = files[index] as string;
        worker ??= start();
        const outcome = await task(worker, index, file, lang, io.debug ?? false);
        if ('crashed' in outcome) {
          void worker.terminate();
          worker = null;
          outcomes[index] = { file, unreadable: outcome.crashed };
        } else outcomes[index] = outcome;
        onDone?.(++done, file);
      }
    } finally {
      await worker?.terminate();
    }
  };
  await Promise.all(Array.from({ length: workers }, lane));
  return { outcomes, workers };
}

/** Sends one file to a worker: its outcome, or why the worker died on it (in the user's language). */
function task(worker: Worker, index: number, file: string, lang: Lang, debug: boolean): Promise<DigestOutcome | { crashed: string }> {
  return new Promise((resolve) => {
    const done = (result: DigestOutcome | { crashed: string }): void => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      resolve(result);
    };
    const onMessage = (m: { index: number; outcome: DigestOutcome }): void => {
      if (m.index === index) done(m.outcome);
    };
    const onError = (e: unknown): void => {
      const memory = (e as { code?: string } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
      done({ crashed: memory ? T[lang].outOfMemory : reason(e, lang, debug) });
    };
    const onExit = (code: number): void => done({ crashed: T[lang].systemError(`exit ${code}`) });
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ index, file });
  });
}
