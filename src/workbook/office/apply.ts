import { isOurNote, generatedName, isOurMarkFormula, markFormula, type Action } from '../../domain';
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

/**
 * Applies actions in as few syncs as the payload allows. Sync 1 finds what we added before: conditional formats
 * whose formula carries our tag, notes and comments that start with our prefix. The next sync removes those and
 * writes the new marks, with screen updating suspended and events off. The user's own fills, conditional
 * formats, notes and comments are never touched.
 */
export async function applyActions(context: Excel.RequestContext, actions: Action[], options: ApplyOptions): Promise<ApplyResult> {
  const maxAddress = options.maxAddressLength ?? 8000;
  const maxBytes = options.maxRequestBytes ?? 1_000_000;
  const clearing = actions.some((a) => a.kind === 'clear-marks');
  const { caps } = options;
  let syncs = 0;

  const found = clearing
    ? options.sheetNames.map((name) => {
        const ws = context.workbook.worksheets.getItemOrNullObject(name);
        const cfs = ws.getRange().conditionalFormats;
        cfs.load('items/type,items/customOrNullObject/rule/formula');
        const notes = caps.notes ? ws.notes : null;
        notes?.load('items/content');
        return { ws, cfs, notes };
      })
    : [];
  const comments = clearing && caps.comments ? context.workbook.comments : null;
  comments?.load('items/content');
  // Generated sheets are replaced whole, but only ours: learn which of their names exist (and what their A1 says).
  const generated = actions.flatMap((a) => (a.kind === 'add-sheet' ? [a.sheet] : []));
  const allSheets = generated.length > 0 ? context.workbook.worksheets : null;
  allSheets?.load('items/name');
  if (clearing || generated.length > 0) {
    await context.sync();
    syncs++;
  }
  const a1 = new Map<string, Excel.Range>();
  if (allSheets) {
    const present = new Set(allSheets.items.map((w) => w.name));
    for (const g of generated) {
      for (const name of [g.name, ...[2, 3, 4, 5].map((n) => `${g.name} (${n})`)]) {
        if (!present.has(name)) continue;
        const r = context.workbook.worksheets.getItem(name).getRange('A1');
        r.load('values');
        a1.set(name, r);
      }
    }
    if (a1.size > 0) {
      await context.sync();
      syncs++;
    }
  }

  let bytes = 0;
  const reserve = async (next: number): Promise<void> => {
    if (bytes > 0 && bytes + next > maxBytes) {
      await context.sync();
      syncs++;
      bytes = 0;
    }
    bytes += next;
  };
  const registry: MarkRegistry = emptyRegistry();
  let marked = 0;
  let notes = 0;
  context.runtime.enableEvents = false;
  context.workbook.application.suspendScreenUpdatingUntilNextSync();
  try {
    for (const f of found) {
      if (f.ws.isNullObject) continue;
      for (const cf of f.cfs.items) {
        if (cf.type === 'Custom' && !cf.customOrNullObject.isNullObject && isOurMarkFormula(cf.customOrNullObject.rule.formula)) {
          await reserve(64);
          cf.delete();
        }
      }
      for (const n of f.notes?.items ?? []) {
        if (!isOurNote(n.content)) continue;
        await reserve(64);
        n.delete();
      }
    }
    for (const c of comments?.items ?? []) {
      if (!isOurNote(c.content)) continue;
      await reserve(64);
      c.delete();
    }
    const names = new Map(generated.map((g) => [g, generatedName(g, (n) => (a1.has(n) ? { a1: a1.get(n)?.values[0]?.[0] } : undefined))]));
    for (const name of names.values()) if (a1.has(name)) context.workbook.worksheets.getItem(name).delete();
    for (const a of actions) {
      if (a.kind === 'set-number') {
        await reserve(a.format.length + 80);
        const cell = context.workbook.worksheets.getItem(a.sheet).getRange(a.cell);
        cell.numberFormat = [[a.format]];
        cell.values = [[a.value]];
      } else if (a.kind === 'set-formula') {
        await reserve(a.formula.length * 3 + 80);
        const cell = context.workbook.worksheets.getItem(a.sheet).getRange(a.cell);
        if (a.format) cell.numberFormat = [[a.format]];
        cell.formulas = [[a.formula]];
      } else if (a.kind === 'add-sheet') {
        await writeGeneratedSheet(context, { ...a.sheet, name: names.get(a.sheet) ?? a.sheet.name }, reserve);
      } else if (a.kind === 'mark') {
        const ws = context.workbook.worksheets.getItem(a.sheet);
        for (const address of chunkAddresses(a.cells, maxAddress)) {
          await reserve(address.length + 200);
          const cf = ws.getRanges(address).conditionalFormats.add('Custom');
          cf.custom.rule.formula = markFormula(a.severity);
          cf.custom.format.fill.color = a.style.fill;
          cf.custom.format.font.color = a.style.font;
        }
        const rec = (registry.sheets[a.sheet] ??= { cells: [], notes: 0 });
        rec.cells.push(...a.cells);
        marked += a.cells.length;
      } else if (a.kind === 'note' && (caps.notes || caps.comments)) {
        await reserve(a.text.length * 3 + 100);
        if (caps.notes) context.workbook.worksheets.getItem(a.sheet).notes.add(a.cell, a.text);
        else context.workbook.comments.add(`${quoted(a.sheet)}!${a.cell}`, a.text);
        (registry.sheets[a.sheet] ??= { cells: [], notes: 0 }).notes++;
        notes++;
      }
    }
    if (clearing || marked > 0) {
      await reserve(JSON.stringify(registry).length);
      context.workbook.settings.add(SETTINGS.marks, JSON.stringify(registry));
    }
    context.runtime.enableEvents = true;
    await context.sync();
    syncs++;
  } catch (e) {
    context.runtime.enableEvents = true;
    await context.sync().catch(() => undefined);
    throw e;
  }
  return { syncs, marked, notes };
}
