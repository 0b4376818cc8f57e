import { CATALOGS, choosePeriod, type Catalog, type PeriodChoice } from './catalog';
import type { Family, SheetModel, SheetReading } from './model';
import { isGeneratedSheet } from './actions/generated';
import { formulasOf, uncachedOf, withEvaluatedFormulas, type Formulas } from './formula';
import type { Memo } from './memo';
import { parseSheet, type ParsedSheet } from './parse/sheet';
import { runRules, settleFindings, type Finding } from './rules';
import { orderFindings } from './rules/order';
import type { WorkbookSnapshot } from './snapshot';
import { fiscalYear } from './title';
import { totalsModel, type PlanItem, type TotalsModel } from './totals';

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
 * incremental re-check (incremental/), which brings its own parse of the same snapshot and a memo of what the
 * previous check computed of the rows and figures it still has.
 */
export function analyzeParsed(snapshot: WorkbookSnapshot, parsed: ParsedSheet[], period: PeriodChoice, memo?: Memo): Analysis {
  const catalog = period.catalog;
  const models = parsed.map((p) => p.model);
  const totals = totalsModel(models, catalog, memo);
  const formulas = formulasOf(parsed.map((p) => p.grid), uncachedOf(snapshot), totals.figures);
  const order = new Map(parsed.map((p, i) => [p.model.name, i]));
  const findings = settleFindings(orderFindings(runRules({ sheets: parsed, catalog, period, totals, formulas, ...(memo ? { memo } : {}) }), order), parsed);
  // One pass over the items and one over the findings (a re-check runs this per edit).
  const perSheet = new Map<string, number>();
  let counted = 0;
  let total = 0;
  // Items come sheet by sheet: counted in runs.
  let run = '';
  let inRun = 0;
  const items = totals.items;
  // Indexed loops: these run once per check (per edit in a re-check), too seldom to be compiled, and a for-of
  // allocates a step per item until then.
  for (let i = 0; i < items.length; i++) {
    const d = items[i] as PlanItem;
    total += d.budget;
    if (!d.counted) continue;
    counted++;
    if (d.sheet !== run) {
      if (inRun > 0) perSheet.set(run, (perSheet.get(run) ?? 0) + inRun);
      run = d.sheet;
      inRun = 0;
    }
    inRun++;
  }
  if (inRun > 0) perSheet.set(run, (perSheet.get(run) ?? 0) + inRun);
  const sheets = parsed.map((p): SheetSummary => {
    const sheet: SheetSummary = { name: p.model.name, family: p.model.family, projects: perSheet.get(p.model.name) ?? 0 };
    if (p.model.plan?.reading) sheet.reading = p.model.plan.reading;
    return sheet;
  });
  const budget = Math.round(total * 100) / 100;
  const bySeverity = { error: 0, warning: 0, info: 0 };
  for (let i = 0; i < findings.length; i++) bySeverity[(findings[i] as Finding).severity]++;
  return {
    sheets,
    models,
    period,
    catalog,
    totals,
    formulas,
    findings,
    stats: { errors: bySeverity.error, warnings: bySeverity.warning, infos: bySeverity.info, projects: counted, budget },
  };
}
