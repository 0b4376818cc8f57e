import { CATALOG_2566_2570, type Catalog } from './catalog';
import type { Family, SheetModel } from './model';
import { parseAddress } from './parse/grid';
import { parseSheet, type ParsedSheet } from './parse/sheet';
import { RULES, buildDetail, type Finding } from './rules';
import type { WorkbookSnapshot } from './snapshot';

export interface SheetSummary {
  name: string;
  family: Family;
  projects: number;
}

export interface Stats {
  errors: number;
  warnings: number;
  infos: number;
  projects: number;
  budget: number;
}

/** Everything the engine knows about a workbook: the plan model, the findings and the totals. */
export interface Analysis {
  sheets: SheetSummary[];
  models: SheetModel[];
  findings: Finding[];
  stats: Stats;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * The one entry point: recognise each sheet, build the plan model, recompute every total and run the rules.
 * Pure: the same snapshot gives the same analysis, byte for byte.
 */
export function analyze(snapshot: WorkbookSnapshot, catalog: Catalog = CATALOG_2566_2570): Analysis {
  const parsed: ParsedSheet[] = snapshot.sheets.map((s) => parseSheet(s, catalog));
  const detail = buildDetail(parsed);
  const ctx = { sheets: parsed, catalog, detail };
  const order = new Map(parsed.map((p, i) => [p.model.name, i]));
  const seen = new Set<string>();
  const unique = RULES.flatMap((rule) => rule(ctx)).filter((f) => {
    const id = `${f.sheet}\u0000${f.cell}\u0000${f.code}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  const sortKey = new Map(unique.map((f) => [f, parseAddress(f.cell)?.col ?? 0]));
  const findings = unique.sort(
    (a, b) =>
      (order.get(a.sheet) ?? 0) - (order.get(b.sheet) ?? 0) ||
      a.row - b.row ||
      (sortKey.get(a) ?? 0) - (sortKey.get(b) ?? 0) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
  const sheets = parsed.map((p) => ({
    name: p.model.name,
    family: p.model.family,
    projects: detail.filter((d) => d.sheet === p.model.name && d.counted).length,
  }));
  const budget = Math.round(detail.reduce((s, d) => s + d.budget, 0) * 100) / 100;
  return {
    sheets,
    models: parsed.map((p) => p.model),
    findings,
    stats: {
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
      infos: findings.filter((f) => f.severity === 'info').length,
      projects: detail.filter((d) => d.counted).length,
      budget,
    },
  };
}
