import { join } from 'node:path';
import { analyze, type Analysis } from '../../../src/domain/analyze';
import type { WorkbookSnapshot } from '../../../src/domain/snapshot';
import { paneAnalysis, planFix, type PaneAnalysis } from '../../../src/taskpane/state/engine';
import { reducer, type PaneEvent, type PaneState } from '../../../src/taskpane/state/reducer';
import { readXlsx } from '../../../src/workbook/xlsx/read';

export const FIXTURE = (name: string): string => join(__dirname, '..', '..', 'fixtures', name);

/** A whole analysis that is also what the pane holds of it (engine.ts), so tests can both show and plan from it. */
export type TestAnalysis = Analysis & PaneAnalysis;

export const asPane = (analysis: Analysis, snapshot: WorkbookSnapshot): TestAnalysis => ({ ...analysis, ...paneAnalysis(0, analysis, snapshot) });

const cache = new Map<string, Promise<{ snapshot: WorkbookSnapshot; analysis: TestAnalysis }>>();

/** A real fixture, read and analysed once per test file. */
export function fixture(name: string): Promise<{ snapshot: WorkbookSnapshot; analysis: TestAnalysis }> {
  let got = cache.get(name);
  if (!got) {
    got = readXlsx(FIXTURE(name)).then((snapshot) => ({ snapshot, analysis: asPane(analyze(snapshot), snapshot) }));
    cache.set(name, got);
  }
  return got;
}

/** The state after `event` chose a fix, and the engine planned it (as effects.planFix does, without the engine). */
export function planned(state: PaneState, event: PaneEvent): PaneState {
  const s = reducer(state, event);
  const analysis = s.analysis as TestAnalysis | null;
  return s.fix && analysis ? reducer(s, { type: 'fix-planned', fix: s.fix, plan: planFix(analysis, s.fix) }) : s;
}
