import { columnOf } from '../base/cells';
import type { Finding } from './finding';

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * The rules' findings without repeats (one per sheet, cell and code: the first reported) in the report's order:
 * sheet, row, column, severity, code, then as reported. Sorted by index over flat arrays of the keys, since a
 * re-check runs this over every finding per edit (thousands): no key strings, no maps per finding.
 * A finding's row is its cell's row (`finding()` takes both from one anchor), so repeats sort next to each other.
 */
export function orderFindings(findings: readonly Finding[], sheetOrder: ReadonlyMap<string, number>): Finding[] {
  const n = findings.length;
  const sheet = new Int32Array(n);
  const row = new Float64Array(n);
  const col = new Int32Array(n);
  const rank = new Int32Array(n);
  const codes = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const f = findings[i] as Finding;
    sheet[i] = sheetOrder.get(f.sheet) ?? 0;
    row[i] = f.row;
    col[i] = columnOf(f.cell);
    if (!codes.has(f.code)) codes.set(f.code, 0);
  }
  // Codes compared as strings (`<`), once per distinct code: severity and code folded into one rank.
  const sorted = [...codes.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  sorted.forEach((c, k) => codes.set(c, k));
  const width = sorted.length;
  for (let i = 0; i < n; i++) {
    const f = findings[i] as Finding;
    rank[i] = SEVERITY_ORDER[f.severity] * width + (codes.get(f.code) as number);
  }
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  idx.sort((a, b) => (sheet[a] as number) - (sheet[b] as number) || (row[a] as number) - (row[b] as number) || (col[a] as number) - (col[b] as number) || (rank[a] as number) - (rank[b] as number) || a - b);
  const out: Finding[] = [];
  for (let s = 0; s < n; ) {
    // A run of one cell: repeats of a code there keep the first reported (the lowest index).
    let e = s + 1;
    const a = idx[s] as number;
    while (e < n) {
      const b = idx[e] as number;
      if (sheet[b] !== sheet[a] || row[b] !== row[a] || col[b] !== col[a]) break;
      e++;
    }
    if (e === s + 1) out.push(findings[a] as Finding);
    else for (let k = s; k < e; k++) if (first(findings, idx, s, e, k)) out.push(findings[idx[k] as number] as Finding);
    s = e;
  }
  return out;
}

/** Whether the finding at sorted position k is the first reported of its sheet, cell and code within its run. */
function first(findings: readonly Finding[], idx: Uint32Array, s: number, e: number, k: number): boolean {
  const i = idx[k] as number;
  const f = findings[i] as Finding;
  for (let m = s; m < e; m++) {
    const j = idx[m] as number;
    const g = findings[j] as Finding;
    if (j < i && g.code === f.code && g.cell === f.cell && g.sheet === f.sheet) return false;
  }
  return true;
}
