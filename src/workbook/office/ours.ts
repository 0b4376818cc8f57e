import { isOurNote, type Action, type GeneratedSheet, type NameHolder } from '../../domain';
import type { SkippedExplanation } from '../host';
import { SETTINGS, emptyRegistry, markRegistrySchema, parseSetting, type MarkRegistry } from './registry';

/** What the host can do: explanations as notes (ExcelApi 1.18) or threaded comments (1.10). */
export interface HostCaps {
  notes: boolean;
  comments: boolean;
}

interface CommentAt {
  sheet: string;
  cell: string;
  ours: boolean;
  replies: number;
  item: Excel.Comment;
}

/** What an earlier apply added, what the user has where we would write, and whether we may write at all. */
export interface Found {
  registry: MarkRegistry;
  readOnly: boolean;
  /** Sheets, among those this apply writes to, that are protected. */
  protectedSheets: Set<string>;
  /** Our notes: only at the cells our record lists, and only while they still carry our text. */
  ourNotes: { sheet: string; item: Excel.Note }[];
  /** For each cell an explanation is planned for: whether the user's note is there (notes API only). */
  notesAt: Map<string, Excel.Note>;
  comments: CommentAt[];
  /** Every sheet's id by name (read when this apply writes generated sheets; else empty). */
  sheetIds: Map<string, string>;
}

/** Who holds a sheet name: nobody, us (our record lists that sheet's id as generated), or the user. */
export function holderOf(found: Found, name: string): NameHolder {
  const id = found.sheetIds.get(name);
  if (id === undefined) return 'free';
  return found.registry.generated.some((g) => g.id === id) ? 'ours' : 'user';
}

export const cellKey = (sheet: string, cell: string): string => `${sheet}!${cell}`;

/** Whether our record lists an explanation of ours at this cell: text that merely looks like ours is the user's. */
const recorded = (found: Found, sheet: string, cell: string): boolean => found.registry.sheets[sheet]?.notes.includes(cell) ?? false;
const bare = (address: string): string => address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');

export const generatedSheets = (actions: Action[]): GeneratedSheet[] => actions.flatMap((a) => (a.kind === 'add-sheet' ? [a.sheet] : []));

/** Sheets an action list writes cells, marks or explanations to. */
function written(actions: Action[], clearing: boolean, sheetNames: string[]): Set<string> {
  const out = new Set<string>(clearing ? sheetNames : []);
  for (const a of actions) if ('sheet' in a && typeof a.sheet === 'string') out.add(a.sheet);
  return out;
}

/**
 * Sync 1 reads our record (the ids of our conditional formats and generated sheets), read-only and protection, our
 * notes, notes on the cells we would explain, every comment, and the sheets' names and ids; sync 2 where each
 * comment is and how many replies it has. The user's conditional formats are never read.
 */
export async function findOurs(
  context: Excel.RequestContext,
  actions: Action[],
  options: { caps: HostCaps; sheetNames: string[] },
  count: () => void,
): Promise<Found> {
  const { caps, sheetNames } = options;
  const clearing = actions.some((a) => a.kind === 'clear-marks');
  const explaining = actions.filter((a): a is Extract<Action, { kind: 'note' }> => a.kind === 'note');
  const record = context.workbook.settings.getItemOrNullObject(SETTINGS.marks);
  record.load('value');
  context.workbook.load('readOnly');
  const present = new Set(sheetNames);
  const protection = [...written(actions, clearing, sheetNames)]
    .filter((n) => present.has(n))
    .map((name) => {
      const p = context.workbook.worksheets.getItem(name).protection;
      p.load('protected');
      return { name, p };
    });
  const notesAt = new Map<string, Excel.Note>();
  if (caps.notes) {
    for (const a of explaining) {
      const n = context.workbook.worksheets.getItem(a.sheet).notes.getItemOrNullObject(a.cell);
      n.load('content');
      notesAt.set(cellKey(a.sheet, a.cell), n);
    }
  }
  const comments = caps.comments && (clearing || explaining.length > 0) ? context.workbook.comments.load('items/id,items/content') : null;
  const generated = generatedSheets(actions);
  const all = generated.length > 0 ? context.workbook.worksheets.load('items/name,items/id') : null;
  await context.sync();
  count();

  const located = (comments?.items ?? []).map((item) => {
    const where = item.getLocation();
    where.load('address');
    return { item, where, replies: item.replies.getCount() };
  });
  const sheetIds = new Map((all?.items ?? []).map((w) => [w.name, w.id]));
  const names = new Set(sheetIds.keys());
  // Our notes are the ones our record lists (never a note that merely starts like ours: it may be the user's).
  const registry = record.isNullObject ? emptyRegistry() : parseSetting(markRegistrySchema, record.value, emptyRegistry);
  const listed = caps.notes && clearing
    ? Object.entries(registry.sheets).filter(([sheet]) => names.has(sheet) || present.has(sheet)).flatMap(([sheet, r]) =>
      r.notes.map((cell) => {
        const item = context.workbook.worksheets.getItem(sheet).notes.getItemOrNullObject(cell);
        item.load('content');
        return { sheet, item };
      }))
    : [];
  if (located.length > 0 || listed.length > 0) {
    await context.sync();
    count();
  }
  return {
    registry,
    readOnly: context.workbook.readOnly,
    protectedSheets: new Set(protection.filter((x) => x.p.protected).map((x) => x.name)),
    ourNotes: listed.filter(({ item }) => !item.isNullObject && isOurNote(item.content)),
    notesAt,
    comments: located.map(({ item, where, replies }) => {
      const address = where.address;
      const sheet = address.slice(0, address.lastIndexOf('!')).replace(/^'|'$/g, '').replace(/''/g, "'");
      return { sheet, cell: bare(address), ours: isOurNote(item.content), replies: replies.value, item };
    }),
    sheetIds,
  };
}

/**
 * Deletes our conditional formats by id, each sheet in its own request so that one sheet's failure (a protected
 * sheet, an office-js bug) leaves the others cleared. Where a sheet's request fails, each id is tried alone; an id
 * Excel no longer has is forgotten, one it would not delete stays in the record for the next clear.
 * Returns the record of what remains and the sheets not fully cleared.
 */
export async function removeOurMarks(
  context: Excel.RequestContext,
  found: Found,
  count: () => void,
): Promise<{ remaining: MarkRegistry; uncleared: string[] }> {
  const remaining = emptyRegistry();
  const uncleared: string[] = [];
  // getItem (ExcelApi 1.6) rather than getItemOrNullObject (1.14): one request per sheet; a missing id fails it
  // and each id is then tried alone.
  const cfOf = (sheet: string, id: string) => context.workbook.worksheets.getItem(sheet).getRange().conditionalFormats.getItem(id);
  for (const [sheet, entry] of Object.entries(found.registry.sheets)) {
    if (entry.cfs.length === 0) continue;
    if (found.protectedSheets.has(sheet)) {
      remaining.sheets[sheet] = { ...entry, notes: [] };
      uncleared.push(sheet);
      continue;
    }
    try {
      for (const id of entry.cfs) cfOf(sheet, id).delete();
      await context.sync();
      count();
      continue;
    } catch {
      count();
    }
    const kept: string[] = [];
    for (const id of entry.cfs) {
      try {
        cfOf(sheet, id).delete();
        await context.sync();
        count();
      } catch (e) {
        count();
        if (!/ItemNotFound|InvalidObjectPath/i.test(String((e as { code?: unknown }).code ?? (e as Error).message))) kept.push(id);
      }
    }
    if (kept.length > 0) {
      remaining.sheets[sheet] = { cells: entry.cells, cfs: kept, notes: [] };
      uncleared.push(sheet);
    }
  }
  return { remaining, uncleared };
}

/**
 * Queues deletes of our notes and of our comments that nobody replied to. A comment with replies is a reviewer's
 * thread now: deleting it would delete their replies, so it is kept and reported.
 */
export function removeOurExplanations(found: Found): SkippedExplanation[] {
  const kept: SkippedExplanation[] = [];
  for (const n of found.ourNotes) if (!found.protectedSheets.has(n.sheet)) n.item.delete();
  for (const c of found.comments) {
    if (!c.ours || !recorded(found, c.sheet, c.cell) || found.protectedSheets.has(c.sheet)) continue;
    if (c.replies > 0) kept.push({ sheet: c.sheet, cell: c.cell, reason: 'replies' });
    else c.item.delete();
  }
  return kept;
}

/**
 * Why an explanation cannot go into this cell, or null: the user's note or comment is there (Excel takes one of
 * either per cell, and adding to it fails the whole request), or our old comment, kept for its replies.
 */
export function occupied(found: Found, sheet: string, cell: string, clearing: boolean): SkippedExplanation['reason'] | 'ours' | null {
  const note = found.notesAt.get(cellKey(sheet, cell));
  if (note && !note.isNullObject) {
    // Ours only if our record lists it and it still says what we write; a note that merely looks like ours is the user's.
    if (!isOurNote(note.content) || !recorded(found, sheet, cell)) return 'user-note';
    if (!clearing) return 'ours';
  }
  const c = found.comments.find((x) => x.sheet === sheet && x.cell === cell);
  if (c) {
    if (!c.ours || !recorded(found, sheet, cell)) return 'user-comment';
    if (c.replies > 0) return 'replies';
    if (!clearing) return 'ours';
  }
  return null;
}
