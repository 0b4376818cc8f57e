import type { Strings } from './i18n';
import type { Io } from './io';
import { escapeField } from './safe-text';

export interface Progress {
  /** Shows the bar before file `done + 1` of `total` is read. */
  show: (done: number, file: string) => void;
  /** Takes the bar off the line, so that a report or a message is printed on a clean line. */
  clear: () => void;
}

const NONE: Progress = { show: () => undefined, clear: () => undefined };
const WIDTH = 20;
/** A long path is shown by its end, where the file's own name is. */
const tail = (s: string, n: number): string => ([...s].length > n ? `…${[...s].slice(-(n - 1)).join('')}` : s);

/**
 * A one-line progress bar on stderr, redrawn in place (carriage return, erase to end of line). Only on a terminal:
 * into a pipe or a log file it would be noise, so there it draws nothing at all. Only `status`, the raw stderr that
 * `run()` gives, can move the cursor; every field in the line is escaped.
 */
export function progressBar(io: Pick<Io, 'isTTY' | 'status'>, total: number, t: Strings): Progress {
  const status = io.status;
  if (!io.isTTY || !status || total < 2) return NONE;
  let drawn = false;
  return {
    show: (done, file) => {
      const full = Math.round((done / total) * WIDTH);
      status(`\r${t.progress(done, total, `[${'#'.repeat(full)}${'-'.repeat(WIDTH - full)}]`, tail(escapeField(file), 40))}\x1b[K`);
      drawn = true;
    },
    clear: () => {
      if (drawn) status('\r\x1b[K');
      drawn = false;
    },
  };
}
