import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Catalog } from '../../domain';
import type { Lang } from '../i18n';
import type { Io } from '../io';
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
  options: { catalogs: readonly Catalog[] | undefined; catalogFiles: string[]; lang: Lang; io: Pick<Io, 'readFile' | 'debug' | 'workers'>; onDone?: (done: number, file: string) => void },
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
  let next = 0;
  const pool = Array.from({ length: workers }, () => new Worker(script, { workerData: { catalogFiles, lang, debug: io.debug ?? false }, execArgv }));
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const feed = (): void => {
              const index = next++;
              const file = files[index];
              if (file === undefined) return resolve();
              worker.postMessage({ index, file });
            };
            worker.on('message', (m: { index: number; outcome: DigestOutcome }) => {
              outcomes[m.index] = m.outcome;
              onDone?.(++done, m.outcome.file);
              feed();
            });
            // A worker that dies (out of memory) is a bug to report, not a file to skip silently.
            worker.on('error', reject);
            worker.on('exit', (code) => (code !== 0 ? reject(new Error(`worker exited with ${code}`)) : undefined));
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return { outcomes, workers };
}
