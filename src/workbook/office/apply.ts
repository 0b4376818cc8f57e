import { generatedName, markFormula, type Action, type GeneratedSheet } from '../../domain';
import type { ApplyReport, SkippedExplanation } from '../host';
import { HostProblem, explainWriteError, problems } from './errors';
import { findOurs, generatedSheets, holderOf, occupied, queueRemoveOurMarks, removeOurExplanations, removeOurMarks, type Cleared, type Found, type HostCaps, type KnownCfs } from './ours';
import { bandsOfMark, type MarkLayout } from './mark-layout';
import { SETTINGS, emptyRegistry, recordText, type MarkRegistry } from './registry';
import { writeGeneratedSheet } from './sheets';
import { foundFromView, queueRecordBefore, queueRulesAfter, settle, type Check, type SeenView } from './view';

export type { HostCaps } from './ours';

export interface ApplyOptions {
  caps: HostCaps;
  /** Every sheet in the workbook: clearing may touch each. */
  sheetNames: string[];
  /** RangeAreas addresses are cut at 8,192 characters by Excel; stay below. */
  maxAddressLength?: number;
  /** Keep each request below this size (Excel on the web caps a request at 5 MB). */
  maxRequestBytes?: number;
  /** The ids of our marks this pane wrote, by sheet: ours on a sheet whose rules Excel will not read. */
  known?: KnownCfs;
  /** What the read just before saw (view.ts): a marks plan on a workbook without our marks skips finding them. */
  view?: SeenView;
}

export interface ApplyResult extends ApplyReport {
  syncs: number;
  marked: number;
  notes: number;
  /** Our marks as written (each conditional format with its band and cells) and our explanations, for a later diff. */
  layout: MarkLayout;
}

/** Cell addresses joined into RangeAreas addresses no longer than `max` characters. */
export function chunkAddresses(cells: string[], max: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const c of cells) {
    if (current && current.length + 1 + c.length > max) {
      out.push(current);
      current = '';
    }
    current = current ? `${current},${c}` : c;
  }
  if (current) out.push(current);
  return out;
}

const quoted = (sheet: string): string => `'${sheet.replace(/'/g, "''")}'`;

/** One apply: the request context, what the host can do, the request budget, and what was written so far. */
interface Batch {
  readonly context: Excel.RequestContext;
  readonly caps: HostCaps;
  readonly maxAddress: number;
  readonly found: Found;
  readonly clearing: boolean;
  /** Counts `bytes` against the request budget, syncing first when they would not fit. */
  reserve(bytes: number): Promise<void>;
  /** The name each generated sheet is written under (its own, or "(2)"… beside a sheet of the user's). */
  readonly names: Map<GeneratedSheet, string>;
  readonly registry: MarkRegistry;
  /** Generated sheets written by this apply: their ids are read after the sync and recorded as ours. */
  readonly sheets: { name: string; ws: Excel.Worksheet }[];
  /** Conditional formats added by this apply: their ids are known after the request that adds them (for a diff). */
  readonly added: { sheet: string; cf: Excel.ConditionalFormat; severity: Extract<Action, { kind: 'mark' }>['severity']; band: number; cells: string[] }[];
  /** Explanations to write once everything else is written (each may fail on a legacy note the API cannot see). */
  readonly explanations: Extract<Action, { kind: 'note' }>[];
  /** Explanations written. */
  readonly noted: Extract<Action, { kind: 'note' }>[];
  readonly report: ApplyReport;
  marked: number;
  notes: number;
}

type Handler<A extends Action> = (action: A, batch: Batch) => Promise<void>;
/** Exhaustive by type: an action kind without a handler does not compile. */
type Handlers = { [K in Action['kind']]: Handler<Extract<Action, { kind: K }>> };

const record = (batch: Batch, sheet: string) => (batch.registry.sheets[sheet] ??= { cells: [], notes: [] });

/**
 * What each action writes. Reading what exists (our old marks, sheets already carrying a generated sheet's
 * name) happens before any handler runs, in `findOurs`; removing it right after, before the first write.
 */
const HANDLERS: Handlers = {
  // Our marks, notes and comments were removed before any write, wherever this action stands in the list.
  'clear-marks': async () => undefined,
  'set-number': async (a, batch) => {
    await batch.reserve(a.format.length + 80);
    const cell = batch.context.workbook.worksheets.getItem(a.sheet).getRange(a.cell);
    cell.numberFormat = [[a.format]];
    cell.values = [[a.value]];
  },
  'set-formula': async (a, batch) => {
    await batch.reserve(a.formula.length * 3 + 80);
    const cell = batch.context.workbook.worksheets.getItem(a.sheet).getRange(a.cell);
    if (a.format) cell.numberFormat = [[a.format]];
    cell.formulas = [[a.formula]];
  },
  'add-sheet': async (a, batch) => {
    const name = batch.names.get(a.sheet) ?? a.sheet.name;
    const ws = await writeGeneratedSheet(batch.context, { ...a.sheet, name }, batch.reserve);
    ws.load('id');
    batch.sheets.push({ name, ws });
  },
  mark: async (a, batch) => {
    if (batch.found.protectedSheets.has(a.sheet)) {
      if (!batch.report.protectedSheets.includes(a.sheet)) batch.report.protectedSheets.push(a.sheet);
      return;
    }
    await addMarks(batch, a);
    const recorded = record(batch, a.sheet).cells;
    for (const c of a.cells) recorded.push(c); // a loop: a spread of a huge mark would overflow the call stack
    batch.marked += a.cells.length;
  },
  note: async (a, batch) => {
    if (!batch.caps.notes && !batch.caps.comments) return;
    if (batch.found.protectedSheets.has(a.sheet)) return;
    const why = occupied(batch.found, a.sheet, a.cell, batch.clearing);
    if (why === 'ours') return;
    if (why) batch.report.skipped.push({ sheet: a.sheet, cell: a.cell, reason: why });
    else batch.explanations.push(a);
  },
};

/**
 * One conditional format per band of rows (and per 8,000 characters of addresses): a later edit then rewrites only
 * the bands whose marks changed.
 */
export async function addMarks(batch: Pick<Batch, 'context' | 'maxAddress' | 'reserve' | 'added'>, a: Extract<Action, { kind: 'mark' }>): Promise<void> {
  const ws = batch.context.workbook.worksheets.getItem(a.sheet);
  for (const [band, cells] of bandsOfMark(a.cells)) {
    let from = 0;
    for (const address of chunkAddresses(cells, batch.maxAddress)) {
      const n = address.split(',').length;
      await batch.reserve(address.length + 200);
      const cf = ws.getRanges(address).conditionalFormats.add('Custom');
      cf.custom.rule.formula = markFormula(a.severity);
      cf.custom.format.fill.color = a.style.fill;
      cf.custom.format.font.color = a.style.font;
      cf.load('id');
      batch.added.push({ sheet: a.sheet, cf, severity: a.severity, band, cells: cells.slice(from, from + n) });
      from += n;
    }
  }
}

/** Queues one explanation: a note where notes exist, otherwise a threaded comment. */
export function queueExplanation(batch: Batch, a: Extract<Action, { kind: 'note' }>): void {
  if (batch.caps.notes) batch.context.workbook.worksheets.getItem(a.sheet).notes.add(a.cell, a.text);
  else batch.context.workbook.comments.add(`${quoted(a.sheet)}!${a.cell}`, a.text);
}

/**
 * Writes the explanations in one request; if Excel refuses it (on ExcelApi below 1.18 a legacy note cannot be seen
 * beforehand, and a threaded comment on its cell fails), one at a time, and the refused ones are reported.
 */
async function writeExplanations(batch: Batch, count: () => void): Promise<void> {
  const written = (a: Extract<Action, { kind: 'note' }>) => {
    record(batch, a.sheet).notes.push(a.cell);
    batch.notes++;
    batch.noted.push(a);
  };
  if (batch.explanations.length === 0) return;
  for (const a of batch.explanations) {
    await batch.reserve(a.text.length * 3 + 100);
    queueExplanation(batch, a);
  }
  try {
    await batch.context.sync();
    count();
    batch.explanations.forEach(written);
    return;
  } catch {
    count();
  }
  // A failed request may have written the explanations before the refused one: find ours again.
  const again = await findOurs(batch.context, batch.explanations, { caps: batch.caps, sheetNames: [] }, count);
  // What the failed request may have written is ours too (its cells were checked free before it was sent).
  for (const a of batch.explanations) (again.registry.sheets[a.sheet] ??= { cells: [], notes: [] }).notes.push(a.cell);
  for (const a of batch.explanations) {
    if (occupied(again, a.sheet, a.cell, false) === 'ours') {
      written(a);
      continue;
    }
    try {
      queueExplanation(batch, a);
      await batch.context.sync();
      count();
      written(a);
    } catch {
      count();
      const skip: SkippedExplanation = { sheet: a.sheet, cell: a.cell, reason: batch.caps.notes ? 'user-comment' : 'user-note' };
      batch.report.skipped.push(skip);
    }
  }
}

function handle(action: Action, batch: Batch): Promise<void> {
  // The table is keyed by kind, so the handler found is the one for this action's own type.
  return (HANDLERS[action.kind] as Handler<Action>)(action, batch);
}

/** Cells, fixes and sheets this list writes that a protected sheet or a read-only workbook would refuse. */
function refuse(found: Found, actions: Action[]): void {
  if (found.readOnly) throw problems.readOnly();
  const blocked = [...new Set(actions.flatMap((a) => ((a.kind === 'set-number' || a.kind === 'set-formula') && found.protectedSheets.has(a.sheet) ? [a.sheet] : [])))];
  if (blocked.length > 0) throw problems.protectedSheets(blocked);
}

/** A temporary name for a generated sheet being replaced: kept until its successor is written. */
const retiredName = (i: number): string => `~plancheck-old-${i + 1}`;

/** Our old generated sheets moved aside for their successors: by name, their temporary name and id. */
type Retired = Map<string, { tmp: string; id: string }>;

/**
 * Names each generated sheet (beside a sheet of the user's if need be: ours are the ones our record lists by id)
 * and moves aside our old sheet it replaces; the old one is deleted only after the new one is written.
 */
function retireGeneratedSheets(found: Found, actions: Action[], batch: Batch): Retired {
  for (const g of generatedSheets(actions)) batch.names.set(g, generatedName(g, (n) => holderOf(found, n)));
  const retired: Retired = new Map();
  for (const name of batch.names.values()) {
    const id = found.sheetIds.get(name);
    if (id === undefined) continue;
    const tmp = retiredName(retired.size);
    batch.context.workbook.worksheets.getItem(name).name = tmp;
    retired.set(name, { tmp, id });
  }
  return retired;
}

function openBatch(context: Excel.RequestContext, options: ApplyOptions, found: Found, clearing: boolean, count: () => void): Batch {
  const maxBytes = options.maxRequestBytes ?? 1_000_000;
  let bytes = 0;
  return {
    context,
    caps: options.caps,
    maxAddress: options.maxAddressLength ?? 8000,
    found,
    clearing,
    names: new Map<GeneratedSheet, string>(),
    registry: emptyRegistry(),
    sheets: [],
    added: [],
    explanations: [],
    noted: [],
    report: { skipped: [], uncleared: [], protectedSheets: [] },
    marked: 0,
    notes: 0,
    reserve: async (next: number): Promise<void> => {
      if (bytes > 0 && bytes + next > maxBytes) {
        await context.sync();
        count();
        bytes = 0;
      }
      bytes += next;
    },
  };
}

/**
 * The record after this apply: what stays of the old one (all of it, unless cleared) and what was added now. Our
 * generated sheets stay listed through a clear; those replaced now give way to their successors, and a sheet the
 * user deleted since is forgotten.
 */
function nextRegistry(old: MarkRegistry, remaining: MarkRegistry, batch: Batch, retired: Retired): MarkRegistry {
  const base = batch.clearing ? remaining : old;
  const out = emptyRegistry();
  for (const source of [base, batch.registry]) {
    for (const [sheet, e] of Object.entries(source.sheets)) {
      const r = (out.sheets[sheet] ??= { cells: [], notes: [] });
      for (const c of e.cells) r.cells.push(c);
      for (const c of e.notes) r.notes.push(c);
    }
  }
  const gone = new Set([...retired.values()].map((r) => r.id));
  const present = new Set(batch.found.sheetIds.values());
  out.generated = old.generated.filter((g) => !gone.has(g.id) && (present.size === 0 || present.has(g.id)));
  for (const { name, ws } of batch.sheets) out.generated.push({ id: ws.id, name });
  return out;
}

/** The request that was to clear our old marks with the new writes failed before any of it was confirmed. */
class ClearTogetherFailed extends Error {
  constructor(readonly syncs: number, readonly reason: unknown) {
    super('clearing with the writes failed');
  }
}

/**
 * Applies actions in few syncs: what we added before (our marks by their tagged formula), and what the user has
 * where we would write, is found first (`findOurs`); then, with screen updating suspended and events off, one request
 * deletes our old marks by id, runs each action's handler and writes the record (explanations and generated sheets
 * take a request more). If that request fails, it is done again the careful way: found afresh, our old marks
 * deleted a sheet at a time, then the writes. The user's fills, conditional formats, notes and comments are never
 * changed.
 */
export async function applyActions(context: Excel.RequestContext, actions: Action[], options: ApplyOptions): Promise<ApplyResult> {
  let syncs = 0;
  const seen = foundFromView(actions, options.view);
  if (seen && options.view) {
    try {
      return await attempt(context, actions, options, true, 0, { found: seen, view: options.view });
    } catch (e) {
      // The view was stale in a way that failed the request (a sheet protected since, …): the fresh way.
      if (!(e instanceof ClearTogetherFailed)) throw e;
      syncs = e.syncs;
    }
  }
  try {
    return await attempt(context, actions, options, true, syncs);
  } catch (e) {
    if (!(e instanceof ClearTogetherFailed)) throw e;
    return attempt(context, actions, options, false, e.syncs);
  }
}

async function attempt(
  context: Excel.RequestContext,
  actions: Action[],
  options: ApplyOptions,
  together: boolean,
  before: number,
  seen?: { found: Found; view: SeenView },
): Promise<ApplyResult> {
  let syncs = before;
  const count = () => void syncs++;
  const clearing = actions.some((a) => a.kind === 'clear-marks');
  let retired: Retired = new Map();
  let batch: Batch | null = null;
  // Syncs done when our old marks' deletes were queued with the writes (null: they were not).
  let deletesAt: number | null = null;
  let written = '';
  try {
    const found = seen?.found ?? (await findOurs(context, actions, { caps: options.caps, sheetNames: options.sheetNames, ...(options.known ? { known: options.known } : {}) }, count));
    refuse(found, actions);
    batch = openBatch(context, options, found, clearing, count);
    context.runtime.enableEvents = false;
    let cleared: Cleared = { remaining: emptyRegistry(), uncleared: [] };
    if (clearing && together) {
      const q = queueRemoveOurMarks(context, found);
      cleared = q;
      if (q.queued > 0) deletesAt = syncs;
    } else if (clearing) cleared = await removeOurMarks(context, found, count);
    batch.report.uncleared.push(...cleared.uncleared);
    if (clearing) batch.report.skipped.push(...removeOurExplanations(found));
    context.workbook.application.suspendScreenUpdatingUntilNextSync();
    retired = retireGeneratedSheets(found, actions, batch);
    for (const a of actions) await handle(a, batch);
    // Generated sheets' ids are known, and explanations are tried, only once the rest is written.
    if (batch.sheets.length > 0 || batch.explanations.length > 0) {
      await context.sync();
      count();
    }
    await writeExplanations(batch, count);
    // Queued after the new sheets' writes: if any of those fails, the request stops before this delete.
    for (const { tmp } of retired.values()) context.workbook.worksheets.getItem(tmp).delete();
    let check: Check | null = null;
    let next = emptyRegistry();
    if (clearing || batch.marked > 0 || batch.notes > 0 || batch.sheets.length > 0) {
      next = nextRegistry(found.registry, cleared.remaining, batch, retired);
      written = recordText(next);
      await batch.reserve(written.length);
      // From the view: the record this replaces and, after the marks, every sheet's rules, to see that the view held.
      if (seen) check = { before: queueRecordBefore(context), cfs: [] };
      context.workbook.settings.add(SETTINGS.marks, written);
      if (check) check.cfs = queueRulesAfter(context, options.sheetNames.filter((n) => !found.protectedSheets.has(n)));
    }
    context.runtime.enableEvents = true;
    await context.sync();
    count();
    if (seen && check) {
      const s = await settle(context, check, seen.view, new Set(batch.added.map((x) => x.cf.id)), next);
      syncs += s.syncs;
      if (s.record !== null) written = s.record;
    }
  } catch (e) {
    // If the old sheets were already deleted, the new ones are complete and restore keeps them.
    await restore(context, batch, retired);
    // Nothing confirmed since the deletes were queued: one of them may be what failed; the careful way, from the start.
    if (((deletesAt !== null && deletesAt === syncs) || seen) && !(e instanceof HostProblem)) throw new ClearTogetherFailed(syncs + 1, e);
    throw explainWriteError(e);
  }
  const layout: MarkLayout = {
    cfs: batch.added.map((x) => ({ sheet: x.sheet, severity: x.severity, band: x.band, cells: x.cells, id: x.cf.id })),
    notes: new Map(batch.noted.map((n) => [`${n.sheet}!${n.cell}`, n.text])),
    record: written,
  };
  return { syncs, marked: batch.marked, notes: batch.notes, layout, ...batch.report };
}

/**
 * After a failure: a generated sheet written (in part) by this apply goes, and the one it was to replace comes back
 * under its name; events on again. A sheet under a generated name is ours-new when there was none before or when
 * the old one is still under its temporary name.
 */
async function restore(context: Excel.RequestContext, batch: Batch | null, retired: Retired): Promise<void> {
  try {
    if (batch && batch.names.size > 0) {
      const all = context.workbook.worksheets.load('items/name');
      await context.sync();
      const present = new Set(all.items.map((w) => w.name));
      for (const name of batch.names.values()) {
        const tmp = retired.get(name)?.tmp;
        const moved = tmp !== undefined && present.has(tmp);
        if (present.has(name) && (moved || !batch.found.sheetIds.has(name))) context.workbook.worksheets.getItem(name).delete();
        if (moved) context.workbook.worksheets.getItem(tmp).name = name;
      }
    }
  } catch {
    // The workbook stays as the failed request left it; the error below is what the user is told.
  }
  context.runtime.enableEvents = true;
  await context.sync().catch(() => undefined);
}
