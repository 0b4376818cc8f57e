import { analyzeWithState, planMarks, reanalyze, type AnalysisState, type WorkbookSnapshot } from '../../domain';
import type { PlanHost } from '../../workbook/host';
import { Analyses, previewWindow, planFix, type Engine } from './engine';

/**
 * The engine in the pane's own thread, over a host that reads on it anyway (office.js): analyses and plans here,
 * and keeps the last analysis's state so a live re-check re-parses only the edited projects (reanalyze).
 * The file mode uses a worker instead (src/taskpane/worker/).
 */
export function localEngine(host: PlanHost): Engine {
  const analyses = new Analyses();
  let last: WorkbookSnapshot | null = null;
  let kept: AnalysisState | null = null;
  const keep = (snapshot: WorkbookSnapshot, r: { analysis: Parameters<Analyses['add']>[0]; state: AnalysisState }) => {
    last = snapshot;
    kept = r.state;
    return analyses.add(r.analysis, snapshot);
  };
  return {
    kind: host.kind,
    canExplain: host.canExplain,
    async check(onProgress) {
      const { snapshot, acks, notices } = await host.read((done, total) => onProgress({ step: 'reading', done, total }));
      onProgress({ step: 'analysing' });
      return { snapshot, analysis: keep(snapshot, analyzeWithState(snapshot)), acks, ...(notices ? { notices } : {}) };
    },
    async recheck(base, edits) {
      const read = await host.readEdits(base, edits);
      const { snapshot } = read;
      const state = kept;
      // Incremental only on top of the very snapshot the kept state was built from.
      const r = state && state.snapshot === base ? reanalyze(state, snapshot, read.edited) : analyzeWithState(snapshot);
      return { snapshot, analysis: keep(snapshot, r) };
    },
    writeMarks: (analysis, options) => host.apply(analysis ? planMarks(analysis, options) : [{ kind: 'clear-marks' }]),
    planFix: async (analysis, fix) => planFix(analyses.get(analysis.id), fix),
    summaries: async (analysis) => analyses.summaries(analysis.id),
    apply: (actions) => host.apply(actions),
    preview: async (sheet, cell) => (last ? previewWindow(last, sheet, cell) : null),
    select: (sheet, cell) => host.select(sheet, cell),
    saveAcks: (acks) => host.saveAcks(acks),
    watch: (onEdit) => host.watch(onEdit),
  };
}
