import type { Catalog } from '../catalog';
import type { AgencySummary, Heading, IndicatorSummary, SheetModel } from '../model';
import type { SheetSnapshot } from '../snapshot';
import { Grid } from '../base/grid';
import { readHeading, singleText } from './headings';
import { PlanBuilder, type Context, type PlanExtras } from './plan';
import { familyDef, recogniseHeader, type SummaryReader } from './families';

export interface ParsedSheet {
  grid: Grid;
  model: SheetModel;
  headings: Heading[];
  extras: PlanExtras;
}

/** A page title: one text merged across three or more columns (repeated at every page). `st`: the row's single text, if already found. */
export function isTitle(grid: Grid, row: number, st: ReturnType<typeof singleText> = singleText(grid, row)): boolean {
  if (!st) return false;
  const m = grid.mergeAt(row, st.col);
  return m !== undefined && m.right - m.left >= 2;
}

/** Whether `child` is the same indicator as `parent` or below it ("2.2.1" under "2.2"). */
const isUnder = (child: string, parent: string): boolean => child === parent || child.startsWith(`${parent}.`);

/** Reads one sheet top to bottom: headers (repeated at page breaks), headings, plan rows and summary tables. */
export function parseSheet(snapshot: SheetSnapshot, catalog: Catalog): ParsedSheet {
  const grid = new Grid(snapshot);
  const model: SheetModel = { name: grid.name, family: 'unrecognized', plan: null, summaries: [] };
  const headings: Heading[] = [];
  const ctx: Context = { goal: null, indicators: [] };
  let plan: PlanBuilder | null = null;
  let summary: AgencySummary | IndicatorSummary | null = null;
  let summaryReader: SummaryReader | null = null;
  const summaryState = { goal: null as string | null };
  let projectsAtLastIndicator = 0;
  let skipUntil = 0;
  const pendingGoalInferred: PlanExtras['goalInferred'] = [];
  
  for (let row = grid.firstRow; row <= grid.lastRow; row++) {
    if (row <= skipUntil) continue;
    const header = recogniseHeader(grid, row);
    if (header) {
      skipUntil = Math.max(...header.headerRows);
      const reader = familyDef(header.family)?.reader ?? 'plan';
      if (reader === 'plan') {
        summary = null;
        // One plan per sheet: a later header (a page break, or a table laid out differently) only changes how
        // the rows below it are read.
        if (plan) plan.repeatHeader(header);
        else {
          plan = new PlanBuilder(grid, header);
          model.plan = plan.table;
          for (const h of headings) plan.table.headings.push(h);
        }
      } else {
        summaryReader = reader as SummaryReader;
        summary = summaryReader.start(header);
        summaryState.goal = null;
        model.summaries.push(summary);
      }
      continue;
    }
    // The row's single text, if any, is asked twice (heading, page title): found once.
    const single = singleText(grid, row);
    const heading = summary ? null : readHeading(grid, row, catalog, single);
    if (heading) {
      headings.push(heading);
      const repeated = (heading.kind === 'goal' && heading.code !== null && heading.code === ctx.goal) ||
        (heading.kind === 'indicator' && ctx.indicators.length === 1 && ctx.indicators[0] === heading.code);
      plan?.onHeading(heading, repeated);
      const projectsNow = plan?.table.projects.length ?? 0;
      if (heading.kind === 'goal') {
        // The current goal printed again at the top of a page keeps its indicator.
        if (!repeated) ctx.indicators = [];
        ctx.goal = heading.code;
      } else if (heading.kind === 'indicator' && heading.code && !repeated) {
        // (A repeated indicator heading changes nothing: it announces no new table, so it stacks with none.)
        const code = heading.code;
        const last = ctx.indicators.at(-1);
        const nothingSince = projectsNow === projectsAtLastIndicator;
        if (last && nothingSince && isUnder(code, last)) ctx.indicators[ctx.indicators.length - 1] = code;
        else if (last && nothingSince && !isUnder(last, code)) ctx.indicators.push(code);
        else ctx.indicators = [code];
        projectsAtLastIndicator = projectsNow;
        const goal = code.split('.')[0] as string;
        if (ctx.goal !== goal) {
          if (plan) plan.noteGoalInferred(row, goal, code);
          else pendingGoalInferred.push({ row, goal, indicator: code });
          ctx.goal = goal;
        }
      }
      continue;
    }
    if (isTitle(grid, row, single)) continue;
    if (summary && summaryReader) summaryReader.addRow(grid, summary as never, row, summaryState);
    else if (plan) plan.addRow(row, ctx);
  }
  plan?.finish();
  const extras: PlanExtras = plan ? plan.extras : { ambiguous: [], goalInferred: [], noIndicator: [], keyColumns: [] };
  extras.goalInferred.unshift(...pendingGoalInferred);
  model.family = model.plan?.family ?? model.summaries[0]?.columns.family ?? 'unrecognized';
  grid.forgetRowCaches();
  return { grid, model, headings, extras };
}
