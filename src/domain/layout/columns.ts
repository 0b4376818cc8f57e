import type { ColumnMap, Family, Quad } from '../model';
import type { Grid } from '../parse/grid';
import { headerRole, quarterOfLabel, subLabel, type HeaderRole } from './labels';

const MIN_HEADER_ROLES = 3;

/** Roles found in a row, or null when the row is not a header row. */
function rolesOf(grid: Grid, row: number): Map<number, HeaderRole | 'quarter'> | null {
  const roles = new Map<number, HeaderRole | 'quarter'>();
  const distinct = new Set<string>();
  let others = 0;
  for (const col of grid.filledColumns(row)) {
    const key = grid.key(row, col);
    const role = headerRole(key) ?? (quarterOfLabel(key) !== null ? 'quarter' : null);
    if (role) {
      roles.set(col, role);
      distinct.add(role === 'quarter' ? `q${key}` : role);
    } else if (++others >= 4 && others > 2 * roles.size) {
      return null; // a data row: labels are the exception in it
    }
  }
  return distinct.size >= MIN_HEADER_ROLES ? roles : null;
}

/** The second header row (sub-labels), if the next row or the one after a blank row holds one. */
function subRowAfter(grid: Grid, row: number): number | null {
  for (let r = row + 1; r <= Math.min(row + 2, grid.lastRow); r++) {
    const filled = grid.filledColumns(r);
    if (filled.length === 0) continue;
    const labels = filled.filter((c) => subLabel(grid.key(r, c)) !== null || headerRole(grid.key(r, c)) !== null);
    return labels.length >= 2 && labels.length === filled.length ? r : null;
  }
  return null;
}

/** The label that stands over a column in a header row: its own, its merge anchor's, or none. */
function topKey(grid: Grid, row: number, col: number): string {
  const own = grid.key(row, col);
  if (own) return own;
  const m = grid.mergeAt(row, col);
  return m ? grid.key(m.top, m.left) : '';
}

const emptyQuad = (): Quad<number | undefined> => [undefined, undefined, undefined, undefined];

/**
 * Recognises a header starting at `row` and maps its columns to roles, or returns null.
 * Handles one- and two-row headers, merged group labels ("ไตรมาสที่ ๑" over เป้าหมาย/งบประมาณ)
 * and, when merges are unknown, group labels carried from the left.
 */
export function recogniseHeader(grid: Grid, row: number): ColumnMap | null {
  const roles = rolesOf(grid, row);
  if (!roles) return null;
  const sub = subRowAfter(grid, row);
  const map: ColumnMap = {
    family: 'unrecognized',
    headerRows: sub ? [row, sub] : [row],
    quarterTarget: emptyQuad(),
    quarterBudget: emptyQuad(),
    timeline: emptyQuad(),
    amountColumns: [],
    firstCol: grid.firstCol,
    lastCol: grid.lastCol,
  };
  let carried = '';
  for (let col = grid.firstCol; col <= grid.lastCol; col++) {
    let top = topKey(grid, row, col);
    const below = sub ? grid.key(sub, col) : '';
    if (top) carried = top;
    else if (below && subLabel(below)) top = carried;
    const sl = below ? subLabel(below) : null;
    const topQuarter = quarterOfLabel(top);
    const role = headerRole(top) ?? (top === '' && below ? headerRole(below) : null);

    if (topQuarter !== null && sl) {
      const q = topQuarter - 1;
      if (sl.kind === 'target') map.quarterTarget[q] = col;
      else if (sl.kind === 'budget') map.quarterBudget[q] = col;
      continue;
    }
    if (topQuarter !== null && !sl) {
      map.timeline[topQuarter - 1] = col;
      continue;
    }
    if (sl?.kind === 'quarter') {
      map.timeline[sl.quarter - 1] = col;
      continue;
    }
    if (sl?.kind === 'totalTarget') { map.totalTarget = col; continue; }
    if (sl?.kind === 'totalBudget') { map.budget = col; continue; }
    if (sl && (sl.kind === 'integrated' || sl.kind === 'own')) {
      map.amountColumns.push({ col, kind: sl.kind, label: below });
      continue;
    }
    if (!role) continue;
    if (role === 'budget') {
      if (map.budget === undefined) map.budget = col;
      continue;
    }
    if (map[role] === undefined) map[role] = col;
  }
  map.family = familyOf(map);
  if (map.family === 'summary-agency' && map.amountColumns.length === 0 && map.budget !== undefined) {
    map.amountColumns.push({ col: map.budget, kind: 'any', label: grid.key(row, map.budget) });
  }
  if (map.family === 'unrecognized') return null;
  const used = [map.number, map.name, map.feature, map.agency, map.budget, map.goalCol, ...map.timeline, ...map.quarterBudget]
    .filter((c): c is number => c !== undefined);
  map.firstCol = Math.min(...used, grid.lastCol);
  map.lastCol = grid.lastCol;
  return map;
}

function familyOf(m: ColumnMap): Family {
  const has = (c: number | undefined): boolean => c !== undefined;
  if (m.quarterBudget.some(has) || m.quarterTarget.some(has)) return 'quarterly';
  if ((has(m.goalCol) || has(m.indicatorCol)) && (has(m.count) || has(m.budget)) && !has(m.name)) return 'summary-indicator';
  if (m.timeline.filter(has).length >= 2 && (has(m.name) || has(m.feature))) return 'timeline';
  if (has(m.name) && (has(m.budget) || has(m.agency))) return has(m.feature) ? 'features' : 'list';
  if (has(m.agency) && (has(m.budget) || m.amountColumns.length > 0) && !has(m.name)) return 'summary-agency';
  return 'unrecognized';
}
