import { CATALOGS, choosePeriod, type PeriodChoice } from '../catalog';
import { analyzeParsed, type Analysis, type AnalyzeOptions } from '../analyze';
import { isGeneratedSheet } from '../actions/generated';
import { withEvaluatedFormulas } from '../formula';
import { parseSheet, type ParsedSheet } from '../parse/sheet';
import type { SheetSnapshot, WorkbookSnapshot } from '../snapshot';
import { fiscalYear } from '../title';
import { spliceSheet } from './splice';

/**
 * What a re-check keeps of the previous analysis: the snapshot it read and each sheet's parse. Opaque to callers;
 * pass it back to `reanalyze` with the next snapshot.
 */
export interface AnalysisState {
  readonly snapshot: WorkbookSnapshot;
  readonly parsed: readonly ParsedSheet[];
  readonly period: PeriodChoice;
  readonly options: AnalyzeOptions;
}

export interface StatefulAnalysis {
  analysis: Analysis;
  state: AnalysisState;
  /** How the parse was reached: each edited project re-read in place, edited sheets parsed whole, or everything. */
  path: 'projects' | 'sheets' | 'full';
}

/** Rows (1-based, as in the sheet) whose cells changed since the previous snapshot. */
export interface EditedRows {
  sheet: string;
  rows: number[];
}

/** `analyze`, keeping what `reanalyze` needs. */
export function analyzeWithState(snapshot: WorkbookSnapshot, options: AnalyzeOptions = {}): StatefulAnalysis {
  const period = choosePeriod(fiscalYear(snapshot), options.catalogs ?? CATALOGS);
  const parsed = withEvaluatedFormulas(snapshot).sheets.filter((s) => !isGeneratedSheet(s)).map((s) => parseSheet(s, period.catalog));
  return { analysis: analyzeParsed(snapshot, parsed, period), state: { snapshot, parsed, period, options }, path: 'full' };
}

/** Whether a changed cell may name the fiscal year (which chooses the plan period, and so every sheet's reading). */
const mayNameYear = (v: unknown): boolean => typeof v === 'string' && v.includes('งบประมาณ');

/**
 * The analysis of `snapshot`, equal to `analyze(snapshot)`, reusing the previous parse: sheets neither edited nor
 * replaced keep theirs, an edit inside whole projects re-reads only those projects (parse splice), any other
 * edited sheet is parsed again. `edited` must list every row that differs from `prev.snapshot` in a sheet that is
 * the same object in both snapshots' place (a sheet object that changed without being listed is parsed whole).
 * The figures, formulas and rules are then computed over the whole parse, as `analyze` does.
 */
export function reanalyze(prev: AnalysisState, snapshot: WorkbookSnapshot, edited: readonly EditedRows[]): StatefulAnalysis {
  // Formula cells without cached values are evaluated over the whole workbook: an edit may change any of them.
  if (snapshot.sheets.some((s) => (s.uncachedFormulas?.length ?? 0) > 0) || prev.snapshot.sheets.some((s) => (s.uncachedFormulas?.length ?? 0) > 0)) {
    return analyzeWithState(snapshot, prev.options);
  }
  const before = new Map(prev.snapshot.sheets.map((s) => [s.name, s]));
  const parsedBefore = new Map(prev.parsed.map((p) => [p.model.name, p]));
  const rowsOf = new Map<string, Set<number>>();
  for (const e of edited) {
    const set = rowsOf.get(e.sheet) ?? new Set<number>();
    for (const r of e.rows) set.add(r);
    rowsOf.set(e.sheet, set);
  }
  // The period stays unless a changed cell may name the year, or a sheet comes whole.
  let yearMayChange = false;
  for (const s of snapshot.sheets) {
    const old = before.get(s.name);
    const rows = rowsOf.get(s.name);
    if (old === s) continue;
    if (!old || !rows || old.values.length !== s.values.length || old.origin.row !== s.origin.row) {
      yearMayChange = true;
      break;
    }
    for (const r of rows) {
      const i = r - s.origin.row;
      if ((old.values[i] ?? []).some(mayNameYear) || (s.values[i] ?? []).some(mayNameYear)) yearMayChange = true;
    }
  }
  if (yearMayChange) {
    const period = choosePeriod(fiscalYear(snapshot), prev.options.catalogs ?? CATALOGS);
    if (period.catalog !== prev.period.catalog || period.assumed !== prev.period.assumed || period.year !== prev.period.year) return analyzeWithState(snapshot, prev.options);
  }
  const catalog = prev.period.catalog;
  let spliced = true;
  const parsed: ParsedSheet[] = [];
  for (const s of snapshot.sheets) {
    if (isGeneratedSheet(s)) continue;
    const old = before.get(s.name);
    const kept = parsedBefore.get(s.name);
    if (old === s && kept) {
      parsed.push(kept);
      continue;
    }
    const rows = rowsOf.get(s.name);
    const again = old && kept && rows ? spliceSheet(kept, old, s, [...rows], catalog) : null;
    if (!again) spliced = false;
    parsed.push(again ?? parseSheet(s as SheetSnapshot, catalog));
  }
  const state: AnalysisState = { snapshot, parsed, period: prev.period, options: prev.options };
  return { analysis: analyzeParsed(snapshot, parsed, prev.period), state, path: spliced ? 'projects' : 'sheets' };
}
