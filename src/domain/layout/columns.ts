import type { ColumnMap, Quad } from '../model';
import type { Grid } from '../base/grid';
import { MAX_LABEL_LENGTH, headerRole, quarterOfLabel, subLabel, type HeaderRole } from '../vocabulary';

const MIN_HEADER_ROLES = 3;

/** Roles found in a row, or null when the row is not a header row. */
function rolesOf(grid: Grid, row: number): Map<number, HeaderRole | 'quarter'> | null {
  // Made at the first label: most rows are data rows and hold none.
  let roles: Map<number, HeaderRole | 'quarter'> | null = null;
  let distinct: Set<string> | null = null;
  let others = 0;
  for (const col of grid.filledColumns(row)) {
    // Long data texts can be neither a header synonym (≤ 40 characters) nor a quarter label (opens with ไตรมาส),
    // and a number or a boolean is no label at all (its text opens with a digit or is true/false): no key built.
    const key = typeof grid.value(row, col) === 'string' ? (grid.labelKey(row, col, MAX_LABEL_LENGTH, 'ไ') ?? '') : '';
    const role = key === '' ? null : (headerRole(key) ?? (quarterOfLabel(key) !== null ? 'quarter' : null));
    if (role) {
      (roles ??= new Map()).set(col, role);
      (distinct ??= new Set()).add(role === 'quarter' ? `q${key}` : role);
    } else if (++others >= 4 && others > 2 * (roles?.size ?? 0)) {
      return null; // a data row: labels are the exception in it
    }
  }
  return distinct !== null && distinct.size >= MIN_HEADER_ROLES ? roles : null;
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
 * Reads a header starting at `row` and maps its columns to roles (its family is decided by parse/families), or
 * returns null when the row is no header.
 * Handles one- and two-row headers, merged group labels ("ไตรมาสที่ ๑" over เป้าหมาย/งบประมาณ)
 * and, when merges are unknown, group labels carried from the left.
 */
export function readHeader(grid: Grid, row: number): ColumnMap | null {
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
  return map;
}
