import { isOurNote, generatedName, isOurMarkFormula, markFormula, type Action, type GeneratedSheet } from '../../domain';
import { SETTINGS, emptyRegistry, type MarkRegistry } from './registry';
import { writeGeneratedSheet } from './sheets';

export interface HostCaps {
  /** Notes (ExcelApi 1.18). */
  notes: boolean;
  /** Threaded comments (ExcelApi 1.10), used for explanations where notes are missing. */
  comments: boolean;
}

export interface ApplyOptions {
  caps: HostCaps;
  /** Every sheet in the workbook: clearing looks for our marks on each. */
  sheetNames: string[];
  /** RangeAreas addresses are cut at 8,192 characters by Excel; stay below. */
  maxAddressLength?: number;
  /** Keep each request below this size (Excel on the web caps a request at 5 MB). */
  maxRequestBytes?: number;
}

export interface ApplyResult {
  syncs: number;
  marked: number;
  notes: number;
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
  /** Counts `bytes` against the request budget, syncing first when they would not fit. */
  reserve(bytes: number): Promise<void>;
  /** The name each generated sheet is written under (its own, or "(2)"… beside a sheet of the user's). */
  readonly names: Map<GeneratedSheet, string>;
  readonly registry: MarkRegistry;
  /** A clear-marks action ran: the registry is rewritten even if nothing is marked again. */
  cleared: boolean;
  marked: number;
  notes: number;
}

type Handler<A extends Action> = (action: A, batch: Batch) => Promise<void>;
/** Exhaustive by type: an action kind without a handler does not compile. */
type Handlers = { [K in Action['kind']]: Handler<Extract<Action, { kind: K }>> };

const record = (batch: Batch, sheet: string) => (batch.registry.sheets[sheet] ??= { cells: [], notes: 0 });

/**
 * What each action writes. Reading what exists (our old marks, sheets already carrying a generated sheet's
 * name) happens before any handler runs, in `findOurs`; removing it right after, before the first write.
 */
const HANDLERS: Handlers = {
  // Our marks, notes and comments were removed before any write, wherever this action stands in the list.
  'clear-marks': async (_a, batch) => {
    batch.cleared = true;
  },
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
    await writeGeneratedSheet(batch.context, { ...a.sheet, name: batch.names.get(a.sheet) ?? a.sheet.name }, batch.reserve);
  },
  mark: async (a, batch) => {
    const ws = batch.context.workbook.worksheets.getItem(a.sheet);
    for (const address of chunkAddresses(a.cells, batch.maxAddress)) {
      await batch.reserve(address.length + 200);
      const cf = ws.getRanges(address).conditionalFormats.add('Custom');
      cf.custom.rule.formula = markFormula(a.severity);
      cf.custom.format.fill.color = a.style.fill;
      cf.custom.format.font.color = a.style.font;
    }
    const recorded = record(batch, a.sheet).cells;
    for (const c of a.cells) recorded.push(c); // a loop: a spread of a huge mark would overflow the call stack
    batch.marked += a.cells.length;
  },
  note: async (a, batch) => {
    const { caps, context } = batch;
    if (!caps.notes && !caps.comments) return;
    await batch.reserve(a.text.length * 3 + 100);
    if (caps.notes) context.workbook.worksheets.getItem(a.sheet).notes.add(a.cell, a.text);
    else context.workbook.comments.add(`${quoted(a.sheet)}!${a.cell}`, a.text);
    record(batch, a.sheet).notes++;
    batch.notes++;
  },
};

function handle(action: Action, batch: Batch): Promise<void> {
  // The table is keyed by kind, so the handler found is the one for this action's own type.
  return (HANDLERS[action.kind] as Handler<Action>)(action, batch);
}

/** What an earlier apply added and this one removes or replaces. */
interface Ours {
  sheets: { ws: Excel.Worksheet; cfs: Excel.ConditionalFormatCollection; notes: Excel.NoteCollection | null }[];
  comments: Excel.CommentCollection | null;
  /** A1 of every existing sheet under one of the generated sheets' names (ours if it starts with the marker). */
  a1: Map<string, Excel.Range>;
}

/** Queues loads of every conditional format, note and comment: ours are told apart by tag and prefix after the sync. */
function findOurMarks(context: Excel.RequestContext, options: ApplyOptions): Pick<Ours, 'sheets' | 'comments'> {
  const { caps } = options;
  const sheets = options.sheetNames.map((name) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(name);
    const cfs = ws.getRange().conditionalFormats;
    cfs.load('items/type,items/customOrNullObject/rule/formula');
    const notes = caps.notes ? ws.notes : null;
    notes?.load('items/content');
    return { ws, cfs, notes };
  });
  const comments = caps.comments ? context.workbook.comments : null;
  comments?.load('items/content');
  return { sheets, comments };
}

/** Queues a load of A1 on every existing sheet under a generated sheet's name or its "(2)"–"(5)" variants. */
function findGeneratedA1(context: Excel.RequestContext, generated: GeneratedSheet[], present: Set<string>): Map<string, Excel.Range> {
  const a1 = new Map<string, Excel.Range>();
  for (const g of generated) {
    for (const name of [g.name, ...[2, 3, 4, 5].map((n) => `${g.name} (${n})`)]) {
      if (!present.has(name)) continue;
      const r = context.workbook.worksheets.getItem(name).getRange('A1');
      r.load('values');
      a1.set(name, r);
    }
  }
  return a1;
}

/**
 * Sync 1 finds what we added before: conditional formats whose formula carries our tag, notes and comments
 * (checked against our prefix later), and which generated sheets' names exist; sync 2 reads those sheets' A1.
 */
async function findOurs(context: Excel.RequestContext, actions: Action[], options: ApplyOptions, batch: { syncs: number }): Promise<Ours> {
  const clearing = actions.some((a) => a.kind === 'clear-marks');
  const marks = clearing ? findOurMarks(context, options) : { sheets: [], comments: null };
  // Generated sheets are replaced whole, but only ours: learn which of their names exist (and what their A1 says).
  const generated = generatedSheets(actions);
  const allSheets = generated.length > 0 ? context.workbook.worksheets : null;
  allSheets?.load('items/name');
  if (clearing || allSheets) {
    await context.sync();
    batch.syncs++;
  }
  const a1 = allSheets ? findGeneratedA1(context, generated, new Set(allSheets.items.map((w) => w.name))) : new Map<string, Excel.Range>();
  if (a1.size > 0) {
    await context.sync();
    batch.syncs++;
  }
  return { ...marks, a1 };
}

const generatedSheets = (actions: Action[]): GeneratedSheet[] => actions.flatMap((a) => (a.kind === 'add-sheet' ? [a.sheet] : []));

const isOurCf = (cf: Excel.ConditionalFormat): boolean =>
  cf.type === 'Custom' && !cf.customOrNullObject.isNullObject && isOurMarkFormula(cf.customOrNullObject.rule.formula);

/** Deletes our old marks, notes and comments; never the user's. */
async function removeOurMarks(ours: Ours, batch: Batch): Promise<void> {
  const remove = async (item: { delete(): void }): Promise<void> => {
    await batch.reserve(64);
    item.delete();
  };
  for (const s of ours.sheets) {
    if (s.ws.isNullObject) continue;
    for (const cf of s.cfs.items) if (isOurCf(cf)) await remove(cf);
    for (const n of s.notes?.items ?? []) if (isOurNote(n.content)) await remove(n);
  }
  for (const c of ours.comments?.items ?? []) if (isOurNote(c.content)) await remove(c);
}

/** Names each generated sheet (beside a sheet of the user's if need be) and deletes the generated sheet it replaces. */
function replaceGeneratedSheets(ours: Ours, actions: Action[], batch: Batch): void {
  const existing = (n: string) => (ours.a1.has(n) ? { a1: ours.a1.get(n)?.values[0]?.[0] } : undefined);
  for (const g of generatedSheets(actions)) batch.names.set(g, generatedName(g, existing));
  for (const name of batch.names.values()) if (ours.a1.has(name)) batch.context.workbook.worksheets.getItem(name).delete();
}

function openBatch(context: Excel.RequestContext, options: ApplyOptions): Batch & { syncs: number } {
  const maxBytes = options.maxRequestBytes ?? 1_000_000;
  let bytes = 0;
  const batch = {
    context,
    caps: options.caps,
    maxAddress: options.maxAddressLength ?? 8000,
    names: new Map<GeneratedSheet, string>(),
    registry: emptyRegistry(),
    cleared: false,
    marked: 0,
    notes: 0,
    syncs: 0,
    reserve: async (next: number): Promise<void> => {
      if (bytes > 0 && bytes + next > maxBytes) {
        await context.sync();
        batch.syncs++;
        bytes = 0;
      }
      bytes += next;
    },
  };
  return batch;
}

/**
 * Applies actions in as few syncs as the payload allows: what we added before is found first (`findOurs`), then
 * one pass, with screen updating suspended and events off, removes it and runs each action's handler. The
 * user's own fills, conditional formats, notes and comments are never touched.
 */
export async function applyActions(context: Excel.RequestContext, actions: Action[], options: ApplyOptions): Promise<ApplyResult> {
  const batch = openBatch(context, options);
  const ours = await findOurs(context, actions, options, batch);
  context.runtime.enableEvents = false;
  context.workbook.application.suspendScreenUpdatingUntilNextSync();
  try {
    await removeOurMarks(ours, batch);
    replaceGeneratedSheets(ours, actions, batch);
    for (const a of actions) await handle(a, batch);
    if (batch.cleared || batch.marked > 0) {
      const registry = JSON.stringify(batch.registry);
      await batch.reserve(registry.length);
      context.workbook.settings.add(SETTINGS.marks, registry);
    }
    context.runtime.enableEvents = true;
    await context.sync();
    batch.syncs++;
  } catch (e) {
    context.runtime.enableEvents = true;
    await context.sync().catch(() => undefined);
    throw e;
  }
  return { syncs: batch.syncs, marked: batch.marked, notes: batch.notes };
}
