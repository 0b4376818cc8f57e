import type { Catalog } from '../catalog';
import { aligned, type Aligned, type Memo } from '../memo';
import type { AgencySummary, AgencySummaryRow, Figure, IndicatorSummary, IndicatorSummaryRow, Project, SheetModel } from '../model';
import { numberingAnomalies } from '../parse/numbering';
import { amountValue, tidy, type Amount } from '../thai';
import { agencyKey, matchAgency, type AgencyMatch } from './agency-match';
import type {
  AgencyMissingFigure, AgencyPlanFigure, AgencyRowFigure, AgencyTableTotalFigure, ExpectedFigure, IndicatorPlanFigure,
  IndicatorTableTotalFigure, Measure, Reading, SourceCell, SummaryColumnKind,
} from './figures';
import { sumCells } from './figures';
import { addItemCellsKept, countCell, itemCells, keptCells, type PlanItem } from './items';
import { SCOPE } from './scope-names';

/** A summary's own figure as a cell a total adds up; null when it cannot be read as a number. */
function ownFigure(sheet: string, f: Figure<Amount> | null): SourceCell | null | undefined {
  if (!f) return undefined;
  const v = amountValue(f.value);
  return v === null ? null : { sheet, cell: f.cell, value: v, figure: f.value };
}

/** A reading over a summary's own rows; null when one of them cannot be read. */
function rowsReading(sheet: string, figures: (Figure<Amount> | null)[], scope = SCOPE.section): Reading | null {
  const cells: SourceCell[] = [];
  for (const f of figures) {
    const c = ownFigure(sheet, f);
    if (c === null) return null;
    if (c) cells.push(c);
  }
  return { scope, value: sumCells(cells), cells };
}

const statedOf = (sheet: string, figure: Figure<Amount>) => ({ sheet, figure, value: amountValue(figure.value) });

type Kept = ReturnType<typeof keptCells>;

/** What a set of plan items adds up to in the budget column, each budget once. */
function budgetReading(items: PlanItem[], kept: Kept, scope = SCOPE.plan): Reading {
  const cells: SourceCell[] = [];
  for (const i of items) addItemCellsKept(cells, i, 'budget', kept);
  return { scope, value: items.reduce((s, i) => s + i.budget, 0), cells };
}

function countReading(items: PlanItem[], scope = SCOPE.plan): Reading {
  const counted = items.filter((i) => i.counted);
  return { scope, value: counted.length, cells: counted.map((i) => countCell(i.sheet, i.project)) };
}

const inColumn = (kind: SummaryColumnKind) => (i: PlanItem): boolean => kind === 'any' || kind === 'total' || i.budgetClass === kind;

type Comparison = { column: SummaryColumnKind; figure: Figure<Amount>; value: number | null; combined: boolean };

/**
 * The figures of a row to compare with the plan. Without budget types in the plan the split between งบบูรณาการ and
 * the agencies' own budget cannot be checked: the two columns are compared together, anchored at a non-zero one.
 */
function comparisons(r: AgencySummaryRow, typed: boolean): Comparison[] {
  const split = r.amounts.filter((a) => a.kind === 'integrated' || a.kind === 'own');
  if (typed || split.length < 2) return r.amounts.map((a) => ({ column: a.kind, figure: a.figure, value: amountValue(a.figure.value), combined: false }));
  const values = split.map((a) => amountValue(a.figure.value));
  const value = values.some((v) => v === null) ? null : (values as number[]).reduce((s, v) => s + v, 0);
  const anchor = split.find((a) => (amountValue(a.figure.value) ?? 0) !== 0) ?? (split[0] as (typeof split)[number]);
  return [{ column: 'any', figure: anchor.figure, value, combined: true }];
}

/** Where a plan row goes in a budget-per-agency table: its summary row's slot (-1: none), and if none, as missing. */
interface ItemPlace {
  slot: number;
  strength: AgencyMatch['strength'] | null;
  missing: AgencyMissingFigure | null;
}

/** A row's cells depend on the row alone (the same row object is only ever in its own table). */
const ALL_ROWS = {};

/** An agency row's figures, with the plan rows they were made of. */
interface KeptAgencyRow {
  sheet: string;
  typed: boolean;
  projects: Project[];
  sheets: string[];
  strengths: (AgencyMatch['strength'] | null)[];
  figures: AgencyRowFigure[];
}

/** The same plan rows (the same objects, so the same figures and budget types), matched as strongly. */
function sameRows(last: KeptAgencyRow, list: readonly number[], items: readonly PlanItem[], places: Aligned<ItemPlace>, placeOf: (i: number) => ItemPlace): boolean {
  if (last.projects.length !== list.length) return false;
  for (let k = 0; k < list.length; k++) {
    const i = list[k] as number;
    const item = items[i] as PlanItem;
    if (item.project !== last.projects[k] || item.sheet !== last.sheets[k] || places.at(i, item.project, placeOf).strength !== last.strengths[k]) return false;
  }
  return true;
}

/** Budget-per-agency tables: total rows against their rows, agency rows against the plan, the last total against the plan. */
function agencyFigures(sheet: string, table: AgencySummary, items: PlanItem[], missing: AgencyMissingFigure[], kept: Kept, memo: Memo | undefined): ExpectedFigure[] {
  const out: ExpectedFigure[] = [];
  const agencies = table.rows.filter((r) => r.kind === 'agency');
  const totals = table.rows.filter((r) => r.kind === 'total');
  const column = (list: AgencySummaryRow[], col: number): (Figure<Amount> | null)[] => list.map((r) => r.amounts.find((x) => x.col === col)?.figure ?? null);
  // A total row may close a group (the rows since the previous total), the whole table, or add earlier totals.
  totals.forEach((t, k) => {
    const at = table.rows.indexOf(t);
    const prevAt = k > 0 ? table.rows.indexOf(totals[k - 1] as AgencySummaryRow) : -1;
    const group = table.rows.slice(prevAt + 1, at).filter((r) => r.kind === 'agency');
    const isLast = k === totals.length - 1;
    for (const a of t.amounts) {
      const byGroup = rowsReading(sheet, column(group, a.col));
      const byAll = rowsReading(sheet, column(agencies, a.col));
      const byTotals = k > 0 ? rowsReading(sheet, column(totals.slice(0, k), a.col)) : null;
      const readings = (isLast ? [byAll, byGroup, byTotals] : [byGroup, byAll, byTotals]).filter((x): x is Reading => x !== null);
      const first = readings[0];
      if (!first) continue;
      const f: AgencyTableTotalFigure = { kind: 'agency-table-total', sheet, fn: 'SUM', value: first.value, readings, stated: statedOf(sheet, a.figure) };
      out.push(f);
    }
  });
  if (items.length === 0) return out;

  const keys = agencies.map((r) => ({ row: r.row, key: agencyKey(r.label.value) }));
  // Each plan row's summary row, kept by position under the same summary table (a re-check's rows are mostly the
  // same objects): lists of item indices per summary row, no object per item.
  const slots = new Map<number, number>();
  for (const r of agencies) if (!slots.has(r.row)) slots.set(r.row, slots.size);
  const lists: number[][] = Array.from({ length: slots.size }, () => []);
  // Agency texts repeat down a plan: match each distinct text once.
  const byKey = new Map<string, AgencyMatch | null>();
  const missingOf = (item: PlanItem): AgencyMissingFigure | null =>
    item.budget > 0 && item.project.agency ? { kind: 'agency-missing', sheet: item.sheet, agency: item.project.agency, budget: item.budget } : null;
  const placeOf = (i: number): ItemPlace => {
    const item = items[i] as PlanItem;
    let match = byKey.get(item.agencyKey);
    if (match === undefined) {
      match = matchAgency(item.agencyKey, keys);
      byKey.set(item.agencyKey, match);
    }
    if (!match) return { slot: -1, strength: null, missing: missingOf(item) };
    return { slot: slots.get(match.summaryRow) as number, strength: match.strength, missing: null };
  };
  // Keyed by each item's project: the place depends on the project's agency and the table; the missing figure on
  // the item's budget too, which a row with breakdown rows takes from them (re-read without the row): made again.
  const places = aligned<ItemPlace>(memo, 'totals:agency-place', sheet, table, items.length);
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as PlanItem;
    const place = places.at(i, item.project, placeOf);
    if (place.slot >= 0) (lists[place.slot] as number[]).push(i);
    else {
      const m = item.project.children.length > 0 ? missingOf(item) : place.missing;
      if (m) missing.push(m);
    }
  }
  const typed = items.some((d) => d.project.budgetType !== null);
  const keptRows = memo?.slot<AgencySummaryRow, KeptAgencyRow>('totals:agency-row');
  for (const r of agencies) {
    const list = lists[slots.get(r.row) as number] as number[];
    // A row whose plan rows are the very rows of last time keeps its figures (an edit touches one agency's).
    const last = keptRows?.get(r);
    if (last && last.sheet === sheet && last.typed === typed && sameRows(last, list, items, places, placeOf)) {
      for (const f of last.figures) out.push(f);
      continue;
    }
    const rows = list.map((i) => items[i] as PlanItem);
    const strengths = list.map((i) => places.at(i, (items[i] as PlanItem).project, placeOf).strength);
    const figures: AgencyRowFigure[] = [];
    const loose = strengths.some((x) => x === 'loose');
    const name = tidy(r.label.value);
    // The plan's spellings: each distinct text tidied once (first occurrences in plan order, as before).
    const planNames = [...new Set([...new Set(rows.map((m) => m.project.agency?.value ?? ''))].map(tidy))];
    for (const c of comparisons(r, typed)) {
      const reading = budgetReading(rows.filter(inColumn(c.column)), kept, SCOPE.agency(name));
      const f: AgencyRowFigure = {
        kind: 'agency-row', sheet, fn: 'SUM', value: reading.value, readings: [reading],
        stated: { sheet, figure: c.figure, value: c.value },
        agency: name, column: c.column, combined: c.combined,
        match: rows.length === 0 ? 'none' : loose ? 'loose' : 'exact',
        planNames: [...planNames],
      };
      figures.push(f);
      out.push(f);
    }
    keptRows?.set(r, { sheet, typed, projects: rows.map((m) => m.project), sheets: rows.map((m) => m.sheet), strengths, figures });
  }
  // The table's last total against all project rows (each row's cells kept by position: every edit changes it).
  const all = totals.length > 0 ? aligned<SourceCell[]>(memo, 'totals:plan-cells', sheet, ALL_ROWS, items.length) : null;
  const cellsAt = (i: number): SourceCell[] => itemCells(items[i] as PlanItem, 'budget');
  for (const t of totals.slice(-1)) {
    for (const c of comparisons(t, typed)) {
      const cells: SourceCell[] = [];
      const take = inColumn(c.column);
      let value = 0;
      for (let i = 0; i < items.length; i++) {
        const item = items[i] as PlanItem;
        if (!take(item)) continue;
        value += item.budget;
        const own = (all as Aligned<SourceCell[]>).at(i, item.project, cellsAt);
        for (let k = 0; k < own.length; k++) cells.push(own[k] as SourceCell);
      }
      const reading: Reading = { scope: SCOPE.plan, value, cells };
      const f: AgencyPlanFigure = { kind: 'agency-plan', sheet, fn: 'SUM', value: reading.value, readings: [reading], column: c.column, stated: { sheet, figure: c.figure, value: c.value } };
      out.push(f);
    }
  }
  return out;
}

/**
 * Indicators whose projects may be attributed wrongly: their numbering jumps or repeats (a heading is probably
 * missing, so projects of the next indicator sit under this one), and, in the same goal, indicators left with no
 * project at all ("goal N" marks the goal).
 */
function uncertainIndicators(models: SheetModel[]): Set<string> {
  const out = new Set<string>();
  for (const m of models) {
    if (!m.plan) continue;
    for (const a of numberingAnomalies(m.plan)) {
      if (a.project.indicator) out.add(a.project.indicator);
      if (a.project.goal) out.add(`goal ${a.project.goal}`);
    }
  }
  return out;
}

const under = (code: string) => (i: PlanItem): boolean => i.project.indicator === code || (i.project.indicator ?? '').startsWith(`${code}.`);

/** Projects-and-budget-per-indicator tables: their own รวม / ภาพรวม rows, and every row against the plan. */
function indicatorFigures(sheet: string, table: IndicatorSummary, items: PlanItem[], catalog: Catalog, uncertain: Set<string>, kept: Kept): ExpectedFigure[] {
  const out: ExpectedFigure[] = [];
  const rows = table.rows;
  const indicatorRows = rows.filter((r) => r.kind === 'indicator');
  /** Parent rows (๒.๒) whose children (๒.๒.๑, ๒.๒.๒) are listed are not added again. */
  const leaves = indicatorRows.filter((r) => !indicatorRows.some((c) => c !== r && c.indicator?.startsWith(`${r.indicator}.`)));
  const goalTotals = rows.filter((r) => r.kind === 'goal-total');
  const tableTotal = (r: IndicatorSummaryRow, measure: Measure, readings: (Reading | null)[], value?: number): void => {
    const stated = r[measure];
    const list = readings.filter((x): x is Reading => x !== null);
    const first = list[0];
    if (!stated || !first) return;
    const f: IndicatorTableTotalFigure = { kind: 'indicator-table-total', sheet, fn: 'SUM', value: value ?? first.value, readings: list, row: r, measure, stated: statedOf(sheet, stated) };
    out.push(f);
  };
  for (const measure of ['count', 'budget'] as const) {
    const of = (list: IndicatorSummaryRow[], scope = SCOPE.section) => rowsReading(sheet, list.map((r) => r[measure]), scope);
    for (const t of goalTotals) tableTotal(t, measure, [of(leaves.filter((r) => r.goal === t.goal), SCOPE.goal(t.goal ?? ''))]);
    // ภาพรวม may add the รวม rows or the indicator rows; what it should be is the indicator rows' sum.
    for (const t of rows.filter((r) => r.kind === 'grand-total')) {
      const byRows = of(leaves, SCOPE.plan);
      if (!byRows) continue;
      tableTotal(t, measure, [goalTotals.length > 0 ? of(goalTotals, SCOPE.plan) : null, byRows], byRows.value);
    }
  }
  if (items.length === 0) return out;

  const vsPlan = (r: IndicatorSummaryRow, list: PlanItem[], scope: { th: string; en: string }, doubtful: boolean): void => {
    for (const measure of ['count', 'budget'] as const) {
      const stated = r[measure];
      if (!stated) continue;
      const reading = measure === 'count' ? countReading(list, scope) : budgetReading(list, kept, scope);
      const f: IndicatorPlanFigure = {
        kind: 'indicator-plan', sheet, fn: measure === 'count' ? 'COUNTA' : 'SUM', value: reading.value, readings: [reading],
        row: r, measure, doubtful, stated: statedOf(sheet, stated),
      };
      out.push(f);
    }
  };
  const unattributedGoals = new Set(items.filter((d) => d.project.indicator === null).map((d) => d.project.goal));
  for (const r of indicatorRows) {
    const code = r.indicator as string;
    const goal = code.split('.')[0] as string;
    if (!catalog.indicator(code) || unattributedGoals.has(goal)) continue;
    const list = items.filter(under(code));
    const doubtful = uncertain.has(code) || (uncertain.has(`goal ${goal}`) && list.filter((i) => i.counted).length === 0);
    vsPlan(r, list, SCOPE.indicator(code), doubtful);
  }
  for (const t of goalTotals) vsPlan(t, items.filter((d) => d.project.goal === t.goal), SCOPE.goal(t.goal ?? ''), false);
  for (const t of rows.filter((r) => r.kind === 'grand-total')) vsPlan(t, items, SCOPE.plan, false);
  return out;
}

/** Every expected figure of the summary tables on a sheet, and the plan agencies no budget summary lists. */
export function summaryFigures(model: SheetModel, items: PlanItem[], catalog: Catalog, models: SheetModel[], missing: AgencyMissingFigure[], memo?: Memo): ExpectedFigure[] {
  let uncertain: Set<string> | null = null;
  if (model.summaries.length === 0) return [];
  const kept = keptCells(memo, 'budget');
  return model.summaries.flatMap((t) => {
    if (t.kind === 'agency') return agencyFigures(model.name, t, items, missing, kept, memo);
    uncertain ??= uncertainIndicators(models);
    return indicatorFigures(model.name, t, items, catalog, uncertain, kept);
  });
}
