import { isOurMarkFormula, isOurNote, type Action, type GeneratedSheet, type NameHolder } from '../../domain';
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
  /** When clearing: the ids of our conditional formats, by sheet (told by their tagged formula, or an old record). */
  ourCfs: Map<string, string[]>;
  /** Sheets whose conditional formats Excel would not read: only the ids known otherwise are ours to delete there. */
  unread: Set<string>;
}

/** What a pane knows of our marks without reading them: the ids it wrote, by sheet. */
export type KnownCfs = Map<string, string[]>;

/** Loads a sheet's conditional formats: the id and, of a custom rule, its formula (nothing else: what tells ours). */
export function queueCfs(context: Excel.RequestContext, sheet: string): Excel.ConditionalFormatCollection {
  // customOrNullObject: loading `custom` fails the whole collection when it holds a rule of another kind (#2180).
  return context.workbook.worksheets.getItem(sheet).getRange().conditionalFormats.load('items/id,items/customOrNullObject/rule/formula');
}

/** Ours among a sheet's conditional formats: a tagged formula, or an id an old record lists. */
export function oursIn(items: Excel.ConditionalFormat[], legacy: readonly string[]): string[] {
  return items.filter((c) => legacy.includes(c.id) || (!c.customOrNullObject.isNullObject && isOurMarkFormula(c.customOrNullObject.rule.formula))).map((c) => c.id);
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
 * Sync 1 reads our record (our notes and generated sheets), read-only and protection, our notes, notes on the cells
 * we would explain, every comment, the sheets' names and ids, and, when clearing, each sheet's conditional formats'
 * ids and custom formulas (ours are tagged); sync 2 where each comment is and how many replies it has. If Excel will
 * not read a sheet's rules (office-js #6827, #6835), sync 1 is sent again without them and each sheet is tried on its
 * own: where that fails too, the ids an old record lists and those this pane wrote (`known`) are ours.
 */
export async function findOurs(
  context: Excel.RequestContext,
  actions: Action[],
  options: { caps: HostCaps; sheetNames: string[]; known?: KnownCfs },
  count: () => void,
): Promise<Found> {
  const { caps, sheetNames } = options;
  const clearing = actions.some((a) => a.kind === 'clear-marks');
  const explaining = actions.filter((a): a is Extract<Action, { kind: 'note' }> => a.kind === 'note');
  const present = new Set(sheetNames);
  const queue = (withCfs: boolean) => {
    const record = context.workbook.settings.getItemOrNullObject(SETTINGS.marks);
    record.load('value');
    context.workbook.load('readOnly');
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
    const all = generatedSheets(actions).length > 0 ? context.workbook.worksheets.load('items/name,items/id') : null;
    const cfs = withCfs && clearing ? sheetNames.map((sheet) => ({ sheet, cfs: queueCfs(context, sheet) })) : [];
    return { record, protection, notesAt, comments, all, cfs };
  };
  let q = queue(true);
  try {
    await context.sync();
    count();
  } catch (e) {
    count();
    if (q.cfs.length === 0) throw e;
    q = queue(false);
    await context.sync();
    count();
  }
  const { record, protection, notesAt, comments, all } = q;
  const registry = record.isNullObject ? emptyRegistry() : parseSetting(markRegistrySchema, record.value, emptyRegistry);
  const ourCfs = new Map<string, string[]>();
  const unread = new Set<string>();
  if (clearing) {
    const legacy = (sheet: string) => registry.legacy?.[sheet] ?? [];
    const read = new Map(q.cfs.map((x) => [x.sheet, x.cfs.items]));
    for (const sheet of sheetNames.filter((n) => !read.has(n))) {
      // The request with every sheet's rules failed: each sheet on its own, so that one unreadable rule costs one sheet.
      const cfs = queueCfs(context, sheet);
      try {
        await context.sync();
        count();
        read.set(sheet, cfs.items);
      } catch {
        count();
        unread.add(sheet);
      }
    }
    for (const [sheet, items] of read) {
      const ids = oursIn(items, legacy(sheet));
      if (ids.length > 0) ourCfs.set(sheet, ids);
    }
    for (const sheet of unread) {
      const ids = [...new Set([...legacy(sheet), ...(options.known?.get(sheet) ?? [])])];
      if (ids.length > 0) ourCfs.set(sheet, ids);
    }
  }

  const located = (comments?.items ?? []).map((item) => {
    const where = item.getLocation();
    where.load('address');
    return { item, where, replies: item.replies.getCount() };
  });
  const sheetIds = new Map((all?.items ?? []).map((w) => [w.name, w.id]));
  const names = new Set(sheetIds.keys());
  // Our notes are the ones our record lists (never a note that merely starts like ours: it may be the user's).
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
    ourCfs,
    unread,
  };
}

const cfOf = (context: Excel.RequestContext, sheet: string, id: string) => context.workbook.worksheets.getItem(sheet).getRange().conditionalFormats.getItem(id);

/** What clearing leaves of the record (sheets not fully cleared keep their cells listed), and those sheets. */
export interface Cleared {
  remaining: MarkRegistry;
  uncleared: string[];
}

/** A sheet's record entry kept after a clear that could not remove everything of ours there. */
function keep(found: Found, out: Cleared, sheet: string): void {
  out.remaining.sheets[sheet] = { cells: found.registry.sheets[sheet]?.cells ?? [], notes: [] };
  if (!out.uncleared.includes(sheet)) out.uncleared.push(sheet);
}

/** Sheets whose marks cannot be cleared now: protected, or unreadable with marks the record lists and no id known. */
function blocked(found: Found, out: Cleared): void {
  for (const sheet of found.ourCfs.keys()) if (found.protectedSheets.has(sheet)) keep(found, out, sheet);
  for (const sheet of found.unread) if (!found.ourCfs.has(sheet) && (found.registry.sheets[sheet]?.cells.length ?? 0) > 0) keep(found, out, sheet);
}

/**
 * Queues the deletes of our conditional formats, by id, in the request that writes the new marks (so that clearing
 * costs no round trip of its own). If that request fails, the caller clears sheet by sheet (`removeOurMarks`).
 */
export function queueRemoveOurMarks(context: Excel.RequestContext, found: Found): Cleared & { queued: number } {
  const out: Cleared = { remaining: emptyRegistry(), uncleared: [] };
  blocked(found, out);
  let queued = 0;
  for (const [sheet, ids] of found.ourCfs) {
    if (found.protectedSheets.has(sheet)) continue;
    for (const id of ids) cfOf(context, sheet, id).delete();
    queued += ids.length;
  }
  return { ...out, queued };
}

/**
 * Deletes our conditional formats by id, each sheet in its own request so that one sheet's failure (a protected
 * sheet, an office-js bug) leaves the others cleared. Where a sheet's request fails, each id is tried alone; an id
 * Excel no longer has is forgotten, one it would not delete leaves the sheet listed (and found again next time).
 * Returns the record of what remains and the sheets not fully cleared.
 */
export async function removeOurMarks(context: Excel.RequestContext, found: Found, count: () => void): Promise<Cleared> {
  const out: Cleared = { remaining: emptyRegistry(), uncleared: [] };
  blocked(found, out);
  // getItem (ExcelApi 1.6) rather than getItemOrNullObject (1.14): one request per sheet; a missing id fails it
  // and each id is then tried alone.
  for (const [sheet, ids] of found.ourCfs) {
    if (found.protectedSheets.has(sheet)) continue;
    try {
      for (const id of ids) cfOf(context, sheet, id).delete();
      await context.sync();
      count();
      continue;
    } catch {
      count();
    }
    let kept = false;
    for (const id of ids) {
      try {
        cfOf(context, sheet, id).delete();
        await context.sync();
        count();
      } catch (e) {
        count();
        if (!/ItemNotFound|InvalidObjectPath/i.test(String((e as { code?: unknown }).code ?? (e as Error).message))) kept = true;
      }
    }
    if (kept) keep(found, out, sheet);
  }
  return out;
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
