import { readWorkbookBytes } from '../workbook/xlsx/read';
import type { Io } from './io';

/** An input workbook's bytes, read once through the Io (tests count the reads). */
export function readInput(path: string, io: Pick<Io, 'readFile'>): Promise<Uint8Array> {
  return (io.readFile ?? readWorkbookBytes)(path);
}
