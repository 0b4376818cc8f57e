import type { Action } from '../../../domain';
import { writeCells, type CellWrite } from './cells';
import { PatchError } from './errors';
import { writeGenerated } from './generated';
import { addMark, clearMarks } from './marks';
import { NotesEditor } from './notes-editor';
import { OwnedNotes } from './owned-notes';
import { Package } from './package';
import type { Ownership } from '../ownership';
import { readRecord, textHash, writeRecord } from './record';
import { cellOf, cellRef } from './refs';
import { Styles } from './styles';
import { WorkbookPart, type SheetEntry } from './workbook';

export { PatchError } from './errors';
export type { Ownership } from '../ownership';

export interface PatchOptions {
  /** New text for the record sheet's A1 (the acknowledgements' JSON); undefined keeps what is there. */
  acks?: string;
}

export interface PatchResult {
  bytes: Uint8Array;
  /** Cells where an explanation was not written because the user has a note or comment there. */
  skippedNotes: { sheet: string; cell: string }[];
  /** The names the generated sheets were written under (a user's sheet of the same name pushes ours to "(2)"). */
  sheets: string[];
}

/** What one patch run works on: the package, its workbook part, what we own, and the cell writes still pending. */
interface PatchRun {
  pkg: Package;
  wb: WorkbookPart;
  owned: Ownership;
  result: PatchResult;
  styles(): Styles;
  sheetOf(name: string): SheetEntry & { path: string };
  /** Queues a cell write (writes to one sheet are spliced in together, in one pass over its XML). */
  queue(sheet: SheetEntry & { path: string }, write: CellWrite): void;
  /** Writes the queued cells; every handler that edits a sheet by other means runs it first. */
  flushCells(): void;
  /** Writes the queued cells and the notes back and settles the ownership tag's notes: before a handler that reads them. */
  flush(): void;
  notes: NotesEditor;
  ownedNotes: OwnedNotes;
  recalc: boolean;
  dropChain: boolean;
}

type Handler<A extends Action> = (a: A, run: PatchRun) => void;

/** One small handler per action kind; a kind without one does not compile. */
const HANDLERS: { [K in Action['kind']]: Handler<Extract<Action, { kind: K }>> } = {
  'set-number': (a, run) => {
    run.queue(run.sheetOf(a.sheet), { cell: a.cell, value: a.value, format: a.format });
  },
  'set-formula': (a, run) => {
    run.queue(run.sheetOf(a.sheet), { cell: a.cell, value: a.expected, formula: a.formula.replace(/^=/, ''), ...(a.format !== undefined ? { format: a.format } : {}) });
  },
  'clear-marks': (_a, { pkg, wb, owned, flush, notes }) => {
    flush();
    const sheets = wb.sheets();
    for (const id of owned.marks) {
      const s = sheets.find((x) => x.sheetId === id);
      if (s?.path && pkg.has(s.path)) pkg.write(s.path, clearMarks(pkg.read(s.path)!));
    }
    for (const n of owned.notes) {
      const s = sheets.find((x) => x.sheetId === n.sheet);
      if (!s?.path) continue;
      // Ours only if it still says what we wrote: a note the user edited since is theirs.
      const text = notes.noteAt(s.path, n.cell);
      if (text !== undefined && text !== '' && textHash(text) === n.hash) notes.remove(s.path, n.cell);
    }
    owned.marks = [];
    owned.notes = [];
  },
  mark: (a, run) => {
    run.flushCells();
    const s = run.sheetOf(a.sheet);
    run.pkg.write(s.path, addMark(run.pkg.read(s.path)!, run.styles(), a.severity, a.cells, a.style));
    if (!run.owned.marks.includes(s.sheetId)) run.owned.marks.push(s.sheetId);
  },
  note: (a, run) => {
    run.flushCells();
    const { notes, ownedNotes } = run;
    const s = run.sheetOf(a.sheet);
    const cell = cellRef(cellOf(a.cell));
    const mine = ownedNotes.find(s.sheetId, cell);
    const there = notes.noteAt(s.path, cell);
    if (there !== undefined) {
      if (!mine || textHash(there) !== mine.hash) {
        run.result.skippedNotes.push({ sheet: s.name, cell });
        return;
      }
      notes.remove(s.path, cell);
    }
    notes.add(s.path, cell, a.text);
    ownedNotes.replace(mine, { sheet: s.sheetId, cell, hash: textHash(a.text) });
  },
  'add-sheet': (a, run) => {
    run.flush();
    // It may remove a generated sheet's comments and drawing: the editor reads them again afterwards.
    run.notes.reset();
    const written = writeGenerated(run.pkg, run.wb, run.styles(), a.sheet, run.owned);
    run.result.sheets.push(written.name);
    run.recalc = true;
    // A rewritten sheet's cells no longer match calcChain's entries for it.
    run.dropChain ||= written.replaced;
  },
};

/**
 * Applies actions to .xlsx bytes by editing only the parts they name: every other zip entry is copied byte for
 * byte, and in a touched sheet only the target cells and elements change. What we add (marks, notes,
 * generated sheets) is listed in the ownership tag kept in the record sheet, and only that is ever replaced or
 * cleared. Throws PatchError (th/en) on a file it cannot patch safely; the input is never modified.
 */
export function patchXlsx(input: Uint8Array, actions: Action[], options: PatchOptions = {}): PatchResult {
  const pkg = new Package(input);
  const wb = new WorkbookPart(pkg);
  const record = readRecord(pkg, wb);
  const owned: Ownership = JSON.parse(JSON.stringify(record.owned)) as Ownership;
  const before = JSON.stringify(owned);
  let styles: Styles | undefined;
  const pending = new Map<string, { sheet: SheetEntry & { path: string }; writes: CellWrite[] }>();
  const run: PatchRun = {
    pkg, wb, owned, recalc: false, dropChain: false,
    result: { bytes: input, skippedNotes: [], sheets: [] },
    styles: () => (styles ??= new Styles(pkg, wb.path)),
    sheetOf: (name) => {
      const s = wb.sheet(name);
      if (!s?.path || !pkg.has(s.path)) throw new PatchError('noSheet', name);
      return s as SheetEntry & { path: string };
    },
    queue: (sheet, write) => {
      const list = pending.get(sheet.path) ?? { sheet, writes: [] };
      list.writes.push(write);
      pending.set(sheet.path, list);
      run.recalc = true;
    },
    flushCells: () => {
      for (const { sheet, writes } of pending.values()) {
        const out = writeCells(pkg.read(sheet.path)!, writes, run.styles(), sheet.name);
        pkg.write(sheet.path, out.xml);
        run.dropChain ||= out.touchedFormula;
      }
      pending.clear();
    },
    flush: () => {
      run.flushCells();
      run.notes.flush();
      run.ownedNotes.settle();
    },
    notes: new NotesEditor(pkg),
    ownedNotes: new OwnedNotes(owned),
  };
  for (const a of actions) (HANDLERS[a.kind] as Handler<Action>)(a, run);
  run.flush();
  if (run.recalc) wb.requestFullCalc();
  if (run.dropChain) wb.dropCalcChain();
  if (options.acks !== undefined || JSON.stringify(run.owned) !== before) {
    writeRecord(pkg, wb, { acks: options.acks ?? record.acks, owned: run.owned });
  }
  run.result.bytes = pkg.build();
  return run.result;
}

/** The acknowledgements' JSON and the ownership tag of a workbook (for the browser host's read). */
export function readRecordOf(input: Uint8Array): { acks: string | undefined; owned: Ownership } {
  const pkg = new Package(input);
  return readRecord(pkg, new WorkbookPart(pkg));
}
