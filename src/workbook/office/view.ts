import type { Action } from '../../domain';
import type { Found } from './ours';
import { oursIn, queueCfs } from './ours';
import type { MarkView } from './read';
import { SETTINGS, emptyRegistry, markRegistrySchema, parseSetting, recordText, type MarkRegistry } from './registry';

/** What the read's first request saw, with the record it read: used by the apply right after it, once. */
export interface SeenView extends MarkView {
  record: unknown;
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));

/**
 * What `findOurs` would find, from the read's view, when nothing found could be stale in a way that harms: a marks
 * plan without explanations, on a workbook where the view saw none of our marks and our record lists no explanation
 * and no old ids. Then the apply deletes nothing, so a stale view can delete nothing of the user's; what it may miss
 * (marks or a record another pane wrote since) is seen by the same request and settled after it (`settle`), and a
 * sheet protected since, or the workbook made read-only, fails the request and the fresh way is taken.
 * Null: the fresh way (find ours first).
 */
export function foundFromView(actions: readonly Action[], view: SeenView | undefined): Found | null {
  if (!view || view.readOnly || view.ours.size > 0) return null;
  if (!actions.every((a) => a.kind === 'clear-marks' || a.kind === 'mark')) return null;
  const registry = view.record === undefined ? emptyRegistry() : parseSetting(markRegistrySchema, view.record, emptyRegistry);
  if (registry.legacy || Object.values(registry.sheets).some((e) => e.notes.length > 0)) return null;
  return {
    registry, readOnly: false, protectedSheets: view.protectedSheets, ourNotes: [], notesAt: new Map(), comments: [],
    sheetIds: new Map(), ourCfs: new Map(), unread: new Set(),
  };
}

/** Loads queued in the apply's one request: the record before ours is written, and every sheet's rules after. */
export interface Check {
  before: { value: unknown; isNullObject: boolean };
  cfs: { sheet: string; cfs: Excel.ConditionalFormatCollection }[];
}

export function queueRecordBefore(context: Excel.RequestContext): Check['before'] {
  const item = context.workbook.settings.getItemOrNullObject(SETTINGS.marks);
  item.load('value');
  return item;
}

export const queueRulesAfter = (context: Excel.RequestContext, sheets: string[]): Check['cfs'] => sheets.map((sheet) => ({ sheet, cfs: queueCfs(context, sheet) }));

/**
 * After the one request: if the record it replaced was not the one the view saw, or marks of ours are there that
 * this apply did not add (another pane marked meanwhile), one more request deletes those marks and keeps what that
 * record listed beyond marks (explanations, generated sheets) in ours. Returns the syncs it took (0 when the view held).
 */
export async function settle(context: Excel.RequestContext, check: Check, view: SeenView, added: Set<string>, mine: MarkRegistry): Promise<{ syncs: number; record: string | null }> {
  const before = check.before.isNullObject ? undefined : check.before.value;
  const orphans = check.cfs.flatMap(({ sheet, cfs }) => oursIn(cfs.items, []).filter((id) => !added.has(id)).map((id) => ({ sheet, id })));
  if (text(before) === text(view.record) && orphans.length === 0) return { syncs: 0, record: null };
  for (const { sheet, id } of orphans) context.workbook.worksheets.getItem(sheet).getRange().conditionalFormats.getItem(id).delete();
  const theirs = before === undefined ? emptyRegistry() : parseSetting(markRegistrySchema, before, emptyRegistry);
  const out: MarkRegistry = { v: 3, sheets: { ...mine.sheets }, generated: [...mine.generated] };
  for (const [sheet, e] of Object.entries(theirs.sheets)) {
    if (e.notes.length === 0) continue;
    const r = (out.sheets[sheet] = { cells: [...(out.sheets[sheet]?.cells ?? [])], notes: [...(out.sheets[sheet]?.notes ?? [])] });
    for (const n of e.notes) if (!r.notes.includes(n)) r.notes.push(n);
  }
  for (const g of theirs.generated) if (!out.generated.some((x) => x.id === g.id)) out.generated.push(g);
  const record = recordText(out);
  context.workbook.settings.add(SETTINGS.marks, record);
  await context.sync();
  return { syncs: 1, record };
}
