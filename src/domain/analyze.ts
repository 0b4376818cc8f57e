import { CATALOGS, choosePeriod, type Catalog, type PeriodChoice } from './catalog';
import type { Family, SheetModel, SheetReading } from './model';
import { isGeneratedSheet } from './actions/generated';
import { parseAddress } from './base/cells';
import { formulasOf, uncachedOf, withEvaluatedFormulas, type Formulas } from './formula';
import { parseSheet, type ParsedSheet } from './parse/sheet';
import { runRules, settleFindings, type Finding } from './rules';
import type { WorkbookSnapshot } from './snapshot';
import { fiscalYear } from './title';
import { totalsModel, type TotalsModel } from './totals';

export interface SheetSummary {
  name: string;
  family: Family;
  projects: number;
  /** How a plan sheet's layout was read (absent on summary and unrecognised sheets). */
  reading?: SheetReading;
}

export interface Stats {
  errors: number;
  warnings: number;
  infos: number;
  projects: number;
  budget: number;
}

/** Everything the engine knows about a workbook: the plan model, its expected figures, the findings and the totals. */
export interface Analysis {
  sheets: SheetSummary[];
  models: SheetModel[];
  /** The plan period the workbook was checked against; every later step (totals, summaries) reads it from here. */
  period: PeriodChoice;
  catalog: Catalog;
  totals: TotalsModel;
  /** The workbook's formulas, evaluated and judged against the expected figures (the formula rules, เติมผลรวม). */
  formulas: Formulas;
  findings: Finding[];
  stats: Stats;
}

export interface AnalyzeOptions {
  /** The plan periods to choose from (default: every catalog the product ships). */
  catalogs?: readonly Catalog[];
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * The one entry point: choose the plan period, recognise each sheet, build the plan model and its expected
 * figures, and run the rules. Pure: the same snapshot gives the same analysis, byte for byte.
 */
export function analyze(snapshot: WorkbookSnapshot, options: AnalyzeOptions = {}): Analysis {
  const period = choosePeriod(fiscalYear(snapshot), options.catalogs ?? CATALOGS);
  const catalog = period.catalog;
  // Formula cells without cached values are read as their evaluated results; our own summary sheets are not
  // plans: a re-check leaves them out rather than flag them.
  const parsed: ParsedSheet[] = withEvaluatedFormulas(snapshot).sheets.filter((s) => !isGeneratedSheet(s)).map((s) => parseSheet(s, catalog));
  return analyzeParsed(snapshot, parsed, period);
}

/**
 * Everything after the parse: expected figures, formulas, rules, findings in order, stats. Shared with the
 * incremental re-check (incremental/), which brings its own parse of the same snapshot.
 */
export function analyzeParsed(snapshot: WorkbookSnapshot, parsed: ParsedSheet[], period: PeriodChoice): Analysis {
  const catalog = period.catalog;
  const models = parsed.map((p) => p.model);
  const totals = totalsModel(models, catalog);
  const formulas = formulasOf(parsed.map((p) => p.grid), uncachedOf(snapshot), totals.figures);
  const order = new Map(parsed.map((p, i) => [p.model.name, i]));
  const seen = new Set<string>();
  const unique = runRules({ sheets: parsed, catalog, period, totals, formulas }).filter((f) => {
    const id = `${f.sheet}\u0000${f.cell}\u0000${f.code}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  const sortKey = new Map(unique.map((f) => [f, parseAddress(f.cell)?.col ?? 0]));
  const sorted = unique.sort(
    (a, b) =>
      (order.get(a.sheet) ?? 0) - (order.get(b.sheet) ?? 0) ||
      a.row - b.row ||
      (sortKey.get(a) ?? 0) - (sortKey.get(b) ?? 0) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
  const findings = settleFindings(sorted, parsed);
  const counted = totals.items.filter((d) => d.counted);
  const sheets = parsed.map((p): SheetSummary => {
    const sheet: SheetSummary = { name: p.model.name, family: p.model.family, projects: counted.filter((d) => d.sheet === p.model.name).length };
    if (p.model.plan?.reading) sheet.reading = p.model.plan.reading;
    return sheet;
  });
  const budget = Math.round(totals.items.reduce((s, d) => s + d.budget, 0) * 100) / 100;
  const count = (severity: Finding['severity']): number => findings.filter((f) => f.severity === severity).length;
  return {
    sheets,
    models,
    period,
    catalog,
    totals,
    formulas,
    findings,
    stats: { errors: count('error'), warnings: count('warning'), infos: count('info'), projects: counted.length, budget },
  };
}
