import type { Catalog } from '../catalog';
import type { ColumnMap, PlanTable, Project, SheetReading } from '../model';
import type { SheetSnapshot } from '../snapshot';
import { Grid } from '../base/grid';
import { recogniseHeader } from '../parse/families';
import { readHeading } from '../parse/headings';
import { PlanBuilder, type Context } from '../parse/plan';
import { readingOf, type ReadingEvidence } from '../parse/reading';
import { isTitle, type ParsedSheet } from '../parse/sheet';

/**
 * Re-reads only the projects an edit touches, inside the previous parse of the same sheet, when that is certain
 * to give what parsing the whole sheet would: the edited rows are the rows of whole numbered projects that
 * itemise nothing and are no item of anything, they stay such projects with the same numbers and rows, and no
 * header, heading or merged area around them reads them. Anything else returns null (the sheet is parsed whole).
 */
export function spliceSheet(prev: ParsedSheet, before: SheetSnapshot, after: SheetSnapshot, rows: readonly number[], catalog: Catalog): ParsedSheet | null {
  const plan = prev.model.plan;
  if (!plan || rows.length === 0 || !sameShape(before, after)) return null;
  const grid = new Grid(after);
  if (grid.lastCol !== prev.grid.lastCol) return null;
  const at = rowIndex(plan);
  let lo = Infinity;
  let hi = -1;
  for (const r of rows) {
    const i = at.get(r);
    if (i === undefined) return null; // a heading, header, total, status or empty row: the sheet's structure may change
    lo = Math.min(lo, i);
    hi = Math.max(hi, i);
  }
  const old = plan.projects.slice(lo, hi + 1);
  if (!old.every(plain)) return null;
  // An unnumbered row right after the band may be a breakdown of its last project (settled by arithmetic).
  const next = plan.projects[hi + 1];
  if (next && next.number === null) return null;
  const first = old[0] as Project;
  if (!old.every((p) => p.goal === first.goal && p.indicator === first.indicator)) return null;
  const start = first.row;
  const end = Math.max(...old.map(lastRow));
  for (let r = start; r <= end; r++) if (at.get(r) === undefined) return null;
  // A merged area reaching into the band from outside (a carried agency, a timeline arrow) reads across it.
  if (grid.merges.some((m) => m.bottom >= start && m.top <= end && (m.top < start || m.bottom > end))) return null;
  // A header just above the band may read the rows under it.
  for (let r = Math.max(grid.firstRow, start - 3); r < start; r++) {
    if (at.has(r)) continue;
    if (JSON.stringify(recogniseHeader(prev.grid, r)) !== JSON.stringify(recogniseHeader(grid, r))) return null;
  }
  const columns = columnsAt(grid, at, start);
  if (!columns) return null;
  const builder = new PlanBuilder(grid, columns);
  const ctx: Context = { goal: first.goal, indicators: first.indicator === null ? [] : [first.indicator] };
  for (let r = start; r <= end; r++) {
    if (recogniseHeader(grid, r) || readHeading(grid, r, catalog) || isTitle(grid, r)) return null;
    builder.addRow(r, ctx);
  }
  const fresh = builder.table.projects;
  if (builder.table.totals.length > 0 || fresh.length !== old.length || !fresh.every((p, k) => sameStructure(p, old[k] as Project))) return null;
  const projects = plan.projects.slice();
  for (let k = 0; k < fresh.length; k++) projects[lo + k] = fresh[k] as Project;
  const table: PlanTable = { ...plan, projects };
  if (plan.reading) table.reading = readingOf(table, evidenceOf(plan, plan.reading));
  return { grid, model: { ...prev.model, plan: table }, headings: prev.headings, extras: prev.extras };
}

/** Same origin, rows and merged areas: no rows or columns inserted or deleted, no merge changed. */
function sameShape(a: SheetSnapshot, b: SheetSnapshot): boolean {
  return a.origin.row === b.origin.row && a.origin.column === b.origin.column && a.values.length === b.values.length &&
    a.merges.length === b.merges.length && a.merges.every((m, i) => m === b.merges[i]) &&
    (a.uncachedFormulas?.length ?? 0) === 0 && (b.uncachedFormulas?.length ?? 0) === 0;
}

/** A numbered project of its own: no breakdown rows, no parent, not one of several listed in a cell. */
const plain = (p: Project): boolean => p.number !== null && p.parent === null && p.children.length === 0 && p.reading === undefined && p.item === undefined;

const lastRow = (p: Project): number => Math.max(p.row, ...p.continuationRows);

function sameStructure(p: Project, q: Project): boolean {
  return plain(p) && p.row === q.row && p.number?.value === q.number?.value && p.number?.cell.address === q.number?.cell.address &&
    p.continuationRows.length === q.continuationRows.length && p.continuationRows.every((r, i) => r === q.continuationRows[i]);
}

const indexes = new WeakMap<PlanTable, Map<number, number>>();

/** Each project row and continuation row → the project's index (kept per parsed table). */
function rowIndex(plan: PlanTable): Map<number, number> {
  let m = indexes.get(plan);
  if (m) return m;
  m = new Map();
  for (let i = 0; i < plan.projects.length; i++) {
    const p = plan.projects[i] as Project;
    m.set(p.row, i);
    for (const r of p.continuationRows) m.set(r, i);
  }
  indexes.set(plan, m);
  return m;
}

/**
 * The column map the rows at `row` are read through: the nearest header above (a page break's repeated header
 * included), taken from its first row as the sheet's top-down reading does.
 */
function columnsAt(grid: Grid, projectRows: Map<number, number>, row: number): ColumnMap | null {
  for (let r = row - 1; r >= grid.firstRow; r--) {
    if (projectRows.has(r)) continue;
    const found = recogniseHeader(grid, r);
    if (!found) continue;
    // A header of several rows is read from its first: prefer a row above whose header covers this one.
    let best = found;
    for (let u = r - 1; u >= Math.max(grid.firstRow, r - 4); u--) {
      const h = recogniseHeader(grid, u);
      if (h && h.headerRows.includes(r)) best = h;
    }
    return best;
  }
  return null;
}

/** What the reading rested on, as far as the splice leaves it unchanged (numbers' sources, status rows, headers, lists). */
function evidenceOf(plan: PlanTable, r: SheetReading): ReadingEvidence {
  const orphans = new Set(plan.projects.filter((p) => p.reading === 'orphan').map((p) => p.row));
  return {
    statusRows: r.statusRows,
    repeatedHeaders: r.repeatedHeaders,
    numbersFromColumn: r.numberSource === 'column' || r.numberSource === 'mixed' ? 1 : 0,
    numbersFromName: r.numberSource === 'name' || r.numberSource === 'mixed' ? 1 : 0,
    listMismatch: r.notUnderstood.filter((row) => !orphans.has(row)),
  };
}
