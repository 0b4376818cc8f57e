import { RESPONSE_BUDGET, UNKNOWN_ROW_BYTES, jsonBytes, type ReadMemory } from './read-plan';

/** Rows of each sheet the pane weighs when it opens: enough to know a row's weight, a small part of a plan. */
export const SAMPLE_ROWS = 100;

/**
 * Weighs each sheet not yet in `memory` while the pane opens (one round trip, before any check): its used range's
 * size and its first rows' values, so that the check's first request is cut from a measured weight instead of a
 * blind guess. Only a hint: if Excel refuses the request, nothing is remembered and the check probes as before.
 */
export async function sampleSheets(context: Excel.RequestContext, names: string[], memory: ReadMemory, budget = RESPONSE_BUDGET): Promise<void> {
  const todo = names.filter((n) => !memory.has(n));
  if (todo.length === 0) return;
  const rows = Math.max(1, Math.min(SAMPLE_ROWS, Math.floor(budget / 4 / todo.length / UNKNOWN_ROW_BYTES)));
  const loads = todo.map((name) => {
    const used = context.workbook.worksheets.getItemOrNullObject(name).getUsedRangeOrNullObject(true);
    used.load(['rowCount', 'columnCount']);
    const first = used.getRow(0).getResizedRange(rows - 1, 0);
    first.load('values');
    return { name, used, first };
  });
  try {
    await context.sync();
  } catch {
    return;
  }
  for (const { name, used, first } of loads) {
    if (used.isNullObject) continue;
    const got = Math.min(used.rowCount, rows);
    const bytes = jsonBytes(first.values.slice(0, got));
    memory.set(name, { rows: used.rowCount, columns: used.columnCount, bytesPerRow: bytes / Math.max(1, got), sampled: true });
  }
}
