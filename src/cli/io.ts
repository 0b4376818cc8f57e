import { existsSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { isWorkbookReadError } from '../workbook/xlsx/package';
import { T, type Lang } from './i18n';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/** Why a file could not be read, in the user's language. */
export function reason(e: unknown, lang: Lang): string {
  // The reader knows what the file is (an .xls, a password, a CSV, too large…) and says so in both languages.
  if (isWorkbookReadError(e)) return e.text[lang];
  const code = (e as { code?: string }).code;
  const msg = e instanceof Error ? e.message : String(e);
  if (code === 'ENOENT' || /^File not found/.test(msg)) return T[lang].missing;
  if (code === 'EISDIR' || /zip|central directory|signature|end of data/i.test(msg)) return T[lang].notXlsx;
  return msg;
}

/** Whether writing `output` would overwrite `input` (the same file, however it is spelled). */
export function sameFile(input: string, output: string): boolean {
  const a = resolve(input);
  const b = resolve(output);
  if (a === b) return true;
  return existsSync(a) && existsSync(b) && realpathSync(a) === realpathSync(b);
}
