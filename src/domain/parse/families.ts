import type { Grid } from '../base/grid';
import type { AgencySummary, ColumnMap, IndicatorSummary } from '../model';
import { readHeader } from '../layout/columns';
import { addAgencySummaryRow, addIndicatorSummaryRow } from './summary';

const has = (c: number | undefined): boolean => c !== undefined;

/** How rows under a summary table's header are read. */
export interface SummaryReader<T extends AgencySummary | IndicatorSummary = AgencySummary | IndicatorSummary> {
  start(columns: ColumnMap): T;
  /** Reads one row into the table; `state` carries what the rows above set (the goal of a merged goal cell). */
  addRow(grid: Grid, table: T, row: number, state: { goal: string | null }): void;
}

const agencySummary: SummaryReader<AgencySummary> = {
  start: (columns) => ({ kind: 'agency', columns, rows: [] }),
  addRow: (grid, table, row) => addAgencySummaryRow(grid, table, row),
};
const indicatorSummary: SummaryReader<IndicatorSummary> = {
  start: (columns) => ({ kind: 'indicator', columns, rows: [] }),
  addRow: addIndicatorSummaryRow,
};

/**
 * The table families, in the order a header is tried against them: a family is its name, a recogniser over the
 * header's column roles, and a reader ('plan' rows become projects; a summary reader reads summary rows). A new
 * layout is one entry here (and its header words in vocabulary.ts); the Family type and the report's enum derive.
 */
export const FAMILIES = [
  { name: 'quarterly', recognise: (m: ColumnMap) => m.quarterBudget.some(has) || m.quarterTarget.some(has), reader: 'plan' },
  {
    name: 'summary-indicator',
    recognise: (m: ColumnMap) => (has(m.goalCol) || has(m.indicatorCol)) && (has(m.count) || has(m.budget)) && !has(m.name),
    reader: indicatorSummary,
  },
  { name: 'timeline', recognise: (m: ColumnMap) => m.timeline.filter(has).length >= 2 && (has(m.name) || has(m.feature)), reader: 'plan' },
  { name: 'features', recognise: (m: ColumnMap) => has(m.name) && (has(m.budget) || has(m.agency)) && has(m.feature), reader: 'plan' },
  { name: 'list', recognise: (m: ColumnMap) => has(m.name) && (has(m.budget) || has(m.agency)), reader: 'plan' },
  {
    name: 'summary-agency',
    recognise: (m: ColumnMap) => has(m.agency) && (has(m.budget) || m.amountColumns.length > 0) && !has(m.name),
    reader: agencySummary,
  },
] as const satisfies readonly { name: string; recognise: (m: ColumnMap) => boolean; reader: 'plan' | SummaryReader<AgencySummary> | SummaryReader<IndicatorSummary> }[];

export type FamilyDef = (typeof FAMILIES)[number];
export type Family = FamilyDef['name'] | 'unrecognized';

/** Every family name, for the report schema. */
export const FAMILY_NAMES = [...FAMILIES.map((f) => f.name), 'unrecognized'] as unknown as readonly [Family, ...Family[]];

export function familyOf(m: ColumnMap): FamilyDef | undefined {
  return FAMILIES.find((f) => f.recognise(m));
}

export function familyDef(name: Family): FamilyDef | undefined {
  return FAMILIES.find((f) => f.name === name);
}

/**
 * Recognises a header starting at `row`: its column map with the first family that fits, or null. A budget-per-
 * agency table with one budget column compares that column as "any" budget.
 */
export function recogniseHeader(grid: Grid, row: number): (ColumnMap & { family: Exclude<Family, 'unrecognized'> }) | null {
  const map = readHeader(grid, row);
  const def = map && familyOf(map);
  if (!map || !def) return null;
  map.family = def.name;
  if (def.name === 'summary-agency' && map.amountColumns.length === 0 && map.budget !== undefined) {
    map.amountColumns.push({ col: map.budget, kind: 'any', label: grid.key(row, map.budget) });
  }
  const used = [map.number, map.name, map.feature, map.agency, map.budget, map.goalCol, ...map.timeline, ...map.quarterBudget]
    .filter((c): c is number => c !== undefined);
  map.firstCol = Math.min(...used, grid.lastCol);
  return map as ColumnMap & { family: Exclude<Family, 'unrecognized'> };
}
