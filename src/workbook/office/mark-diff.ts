import { isOurNote, type Action } from '../../domain';
import { addMarks, type ApplyResult } from './apply';
import type { HostCaps } from './ours';
import { diffMarks, type MarkLayout } from './mark-layout';
import { SETTINGS, emptyRegistry, markRegistrySchema, parseSetting, recordText } from './registry';

/** A marks plan as the pane writes it: clear ours, then marks and explanations only. */
export const isMarksPlan = (actions: readonly Action[]): boolean =>
  actions[0]?.kind === 'clear-marks' && actions.every((a, i) => (i === 0 ? true : a.kind === 'mark' || a.kind === 'note'));

/**
 * Writes only what changed between the marks in the workbook (`layout`, as our last apply wrote them) and a marks
 * plan: the bands of marks whose cells differ are deleted by id and written again, the explanations whose text
 * changed are replaced, and the record (plancheck.marks) updated, all in one request after one that reads what is
 * there. Returns null, having written nothing, when the workbook is not as `layout` says (the record is not the one
 * we wrote: another session marked or cleared; a sheet is protected, the workbook is read-only, explanations would
 * be comments): the caller then clears and writes everything.
 */
export async function applyMarkDiff(context: Excel.RequestContext, layout: MarkLayout, actions: Action[], caps: HostCaps, maxAddressLength = 8000): Promise<ApplyResult | null> {
  const diff = diffMarks(layout, actions);
  const result = (syncs: number, next: MarkLayout, skipped: ApplyResult['skipped'] = []): ApplyResult => ({
    syncs, marked: diff.add.reduce((n, a) => n + a.cells.length, 0), notes: diff.note.length, layout: next, skipped, uncleared: [], protectedSheets: [],
  });
  // Comments (below ExcelApi 1.18) may carry a reviewer's replies, which only the full path knows how to keep.
  if (!caps.notes && (layout.notes.size > 0 || actions.some((a) => a.kind === 'note'))) return null;
  if (diff.remove.length === 0 && diff.add.length === 0 && diff.unnote.length === 0 && diff.note.length === 0) return result(0, layout);
  let syncs = 0;
  const record = context.workbook.settings.getItemOrNullObject(SETTINGS.marks);
  record.load('value');
  context.workbook.load('readOnly');
  const sheets = [...new Set([...diff.remove.map((r) => r.sheet), ...diff.add.map((a) => a.sheet), ...diff.note.map((n) => n.sheet), ...diff.unnote.map((n) => n.sheet)])];
  const protection = sheets.map((name) => {
    const p = context.workbook.worksheets.getItem(name).protection;
    p.load('protected');
    return p;
  });
  const noteAt = (sheet: string, cell: string) => {
    const n = context.workbook.worksheets.getItem(sheet).notes.getItemOrNullObject(cell);
    n.load('content');
    return n;
  };
  const old = diff.unnote.map((n) => ({ ...n, item: noteAt(n.sheet, n.cell) }));
  const free = diff.note.map((n) => ({ n, item: noteAt(n.sheet, n.cell) }));
  await context.sync();
  syncs++;
  const stored: unknown = record.isNullObject ? null : record.value;
  // The record must be the one we wrote: marks of others (an earlier session's, a co-author's) need a full clear.
  const exact = layout.record !== '' && (typeof stored === 'string' ? stored : JSON.stringify(stored)) === layout.record;
  if (context.workbook.readOnly || protection.some((p) => p.protected) || !exact) return null;
  const registry = parseSetting(markRegistrySchema, stored, emptyRegistry);

  context.runtime.enableEvents = false;
  context.workbook.application.suspendScreenUpdatingUntilNextSync();
  for (const r of diff.remove) context.workbook.worksheets.getItem(r.sheet).getRange().conditionalFormats.getItem(r.id).delete();
  const unnoted = new Set<string>();
  for (const o of old) {
    // Ours only while our record lists it and it still says what we write.
    if (o.item.isNullObject || !isOurNote(o.item.content) || !registry.sheets[o.sheet]?.notes.includes(o.cell)) continue;
    o.item.delete();
    unnoted.add(`${o.sheet}!${o.cell}`);
  }
  const skipped: ApplyResult['skipped'] = [];
  const noted: Extract<Action, { kind: 'note' }>[] = [];
  for (const { n, item } of free) {
    if (!item.isNullObject && !unnoted.has(`${n.sheet}!${n.cell}`)) {
      if (!isOurNote(item.content)) skipped.push({ sheet: n.sheet, cell: n.cell, reason: 'user-note' });
      continue;
    }
    context.workbook.worksheets.getItem(n.sheet).notes.add(n.cell, n.text);
    noted.push(n);
  }
  const batch = { context, maxAddress: maxAddressLength, added: [] as Parameters<typeof addMarks>[0]['added'], reserve: async () => undefined };
  for (const a of diff.add) await addMarks(batch, a);

  const removed = new Set(diff.remove.map((r) => r.id));
  const removedCells = new Map<string, Set<string>>();
  for (const c of layout.cfs) if (removed.has(c.id)) for (const cell of c.cells) (removedCells.get(c.sheet) ?? removedCells.set(c.sheet, new Set()).get(c.sheet))?.add(cell);
  for (const sheet of sheets) {
    const e = (registry.sheets[sheet] ??= { cells: [], notes: [] });
    const gone = removedCells.get(sheet) ?? new Set<string>();
    e.cells = e.cells.filter((c) => !gone.has(c));
    e.notes = e.notes.filter((c) => !unnoted.has(`${sheet}!${c}`));
  }
  for (const x of batch.added) {
    const e = registry.sheets[x.sheet] as (typeof registry.sheets)[string];
    for (const c of x.cells) e.cells.push(c);
  }
  for (const n of noted) registry.sheets[n.sheet]?.notes.push(n.cell);
  // A sheet left with nothing of ours is no longer listed (as after a full clear).
  for (const [sheet, e] of Object.entries(registry.sheets)) if (e.cells.length === 0 && e.notes.length === 0) delete registry.sheets[sheet];
  const written = recordText(registry);
  // The new marks' ids are loaded by this same request; the record needs none of them.
  context.workbook.settings.add(SETTINGS.marks, written);
  context.runtime.enableEvents = true;
  await context.sync();
  syncs++;

  const notes = new Map(layout.notes);
  for (const k of unnoted) notes.delete(k);
  for (const n of noted) notes.set(`${n.sheet}!${n.cell}`, n.text);
  return result(syncs, { cfs: [...diff.keep, ...batch.added.map((x) => ({ sheet: x.sheet, severity: x.severity, band: x.band, cells: x.cells, id: x.cf.id }))], notes, record: written }, skipped);
}
