import { join } from 'node:path';
import { analyze, type Analysis } from '../../../src/domain/analyze';
import type { WorkbookSnapshot } from '../../../src/domain/snapshot';
import { readXlsx } from '../../../src/workbook/xlsx/read';

export const FIXTURE = (name: string): string => join(__dirname, '..', '..', 'fixtures', name);

const cache = new Map<string, Promise<{ snapshot: WorkbookSnapshot; analysis: Analysis }>>();

/** A real fixture, read and analysed once per test file. */
export function fixture(name: string): Promise<{ snapshot: WorkbookSnapshot; analysis: Analysis }> {
  let got = cache.get(name);
  if (!got) {
    got = readXlsx(FIXTURE(name)).then((snapshot) => ({ snapshot, analysis: analyze(snapshot) }));
    cache.set(name, got);
  }
  return got;
}
