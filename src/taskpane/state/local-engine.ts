import { analyze, planMarks, type WorkbookSnapshot } from '../../domain';
import type { PlanHost } from '../../workbook/host';
import { Analyses, previewWindow, planFix, type Engine } from './engine';

/** The workbook with the re-read sheets in place of their old versions (workbook order kept). */
export function mergeSheets(base: WorkbookSnapshot, fresh: WorkbookSnapshot): WorkbookSnapshot {
  const byName = new Map(fresh.sheets.map((s) => [s.name, s]));
  return { ...base, sheets: base.sheets.map((s) => byName.get(s.name) ?? s) };
}

/**
 * The engine in the pane's own thread, over a host that reads on it anyway (office.js): analyses and plans here.
 * The file mode uses a worker instead (src/taskpane/worker/).
 */
export function localEngine(host: PlanHost, run: typeof analyze = analyze): Engine {
  const analyses = new Analyses();
  let last: WorkbookSnapshot | null = null;
  return {
    kind: host.kind,
    canExplain: host.canExplain,
    async check(onProgress) {
      const { snapshot, acks, notices } = await host.read((done, total) => onProgress({ step: 'reading', done, total }));
      onProgress({ step: 'analysing' });
      last = snapshot;
      return { snapshot, analysis: analyses.add(run(snapshot), snapshot), acks, ...(notices ? { notices } : {}) };
    },
    async recheck(base, sheets) {
      const snapshot = mergeSheets(base, await host.readSheets(sheets));
      last = snapshot;
      return { snapshot, analysis: analyses.add(run(snapshot), snapshot) };
    },
    writeMarks: (analysis, options) => host.apply(analysis ? planMarks(analysis, options) : [{ kind: 'clear-marks' }]),
    planFix: async (analysis, fix) => planFix(analyses.get(analysis.id), fix),
    summaries: async (analysis) => analyses.summaries(analysis.id, analysis.title),
    apply: (actions) => host.apply(actions),
    preview: async (sheet, cell) => (last ? previewWindow(last, sheet, cell) : null),
    select: (sheet, cell) => host.select(sheet, cell),
    saveAcks: (acks) => host.saveAcks(acks),
    watch: (onEdit) => host.watch(onEdit),
  };
}
