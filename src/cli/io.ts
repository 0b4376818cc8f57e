import { T, type Lang, type Why } from './i18n';
import type { WriteOps } from './output';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** The file system calls used to write outputs; tests replace some to make a write fail midway. */
  files?: Partial<WriteOps>;
  /** Whether to add an unexpected error's own text and stack to its message (PLANCHECK_DEBUG=1). */
  debug?: boolean;
  /** Reads an input workbook's bytes (default: the file, refused before reading when it is too large to be one). */
  readFile?: (path: string) => Promise<Uint8Array>;
  /** Whether stderr is a terminal: a progress bar is drawn there only then (never into a pipe or a log file). */
  isTTY?: boolean;
  /** stderr without the control-character net, for the progress bar's own carriage returns (set by run()). */
  status?: (s: string) => void;
  /** Worker threads for `summarize --combine` (default: one per core, at most 4; 0 reads in this thread). */
  workers?: number;
  /** A heap limit for each worker thread, in MB (default: V8's own; tests make a worker run out of memory). */
  workerHeapMb?: number;
}

// The system's error codes, by what they mean to someone reading or writing a file.
const BY_CODE: Record<string, Why> = {
  ENOTDIR: 'not-dir',
  EISDIR: 'is-dir',
  EACCES: 'denied',
  EPERM: 'denied',
  EROFS: 'read-only-fs',
  ENOSPC: 'disk-full',
  EDQUOT: 'quota',
  EBUSY: 'busy',
  ETXTBSY: 'busy',
  EMFILE: 'too-many-open',
  ENFILE: 'too-many-open',
  ENAMETOOLONG: 'name-too-long',
  ELOOP: 'link-loop',
  EXDEV: 'cross-device',
  EIO: 'device-error',
  EFBIG: 'too-big',
};

const codeOf = (e: unknown): string | undefined => {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
};

/** An error that already says itself in both languages (`Object.assign(new Error(en), { th, en })`). */
function localized(e: unknown, lang: Lang): string | undefined {
  // `{ th, en }` on the error itself (the patcher's), or `{ text: { th, en } }` (the reader's WorkbookReadError).
  const own = e as (Partial<Record<Lang, unknown>> & { text?: Partial<Record<Lang, unknown>> }) | null;
  const text = own?.[lang] ?? own?.text?.[lang];
  return typeof text === 'string' ? text : undefined;
}

function explain(e: unknown, lang: Lang, debug: boolean, writing: boolean): string {
  const t = T[lang];
  const own = localized(e, lang);
  if (own) return own;
  const code = codeOf(e);
  if (code === 'ENOENT') return t.why[writing ? 'missing-dir' : 'missing-file'];
  const why = code ? BY_CODE[code] : undefined;
  if (why) return t.why[why === 'denied' && writing ? 'denied-write' : why];
  // A system error we do not name is still a system error: its code is the message, never a stack.
  if (code && /^E[A-Z0-9]+$/.test(code)) return t.systemError(code);
  const msg = e instanceof Error ? e.message : String(e);
  // What the current .xlsx reader (exceljs, jszip) throws for a file that is not a zip package.
  if (!writing && /^File not found/.test(msg)) return t.why['missing-file'];
  if (!writing && /zip|central directory|signature|end of data/i.test(msg)) return t.why['not-xlsx'];
  return debug ? `${t.why.internal}\n${e instanceof Error && e.stack ? e.stack : msg}` : t.why.internal;
}

/** Why a file could not be read, in the user's language. */
export function reason(e: unknown, lang: Lang, debug = false): string {
  return explain(e, lang, debug, false);
}

/** Why an output could not be written, in the user's language. */
export function writeReason(e: unknown, lang: Lang, debug = false): string {
  return explain(e, lang, debug, true);
}
