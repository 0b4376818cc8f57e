/**
 * Reads one file with the package reader in a process of its own and prints what happened as JSON, so a test
 * can hold the reader to its promise on a hostile file: a clear error, in bounded time and peak memory.
 * Usage: node --import tsx test/helpers/read-child.ts <file>
 */
import { readXlsx } from '../../src/workbook/xlsx/read';
import { isWorkbookReadError } from '../../src/workbook/xlsx/package';

async function main(): Promise<void> {
  const file = process.argv[2] as string;
  const t0 = performance.now();
  let kind = 'ok';
  let text = '';
  try {
    await readXlsx(file);
  } catch (e) {
    kind = isWorkbookReadError(e) ? e.kind : `other: ${String(e)}`;
    text = isWorkbookReadError(e) ? e.text.en : '';
  }
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ kind, text, ms, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
}

void main();
