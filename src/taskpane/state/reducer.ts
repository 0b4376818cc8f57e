import type { Finding, Severity, Text, TotalsPlan, WorkbookSnapshot } from '../../domain';
import { mergeEdits, type Acknowledgements, type ApplyReport, type SheetEdit } from '../../workbook/host';
import type { Lang } from '../i18n/strings';
import type { FixKind, PaneAnalysis, PreviewWindow } from './engine';

export type { FixKind } from './engine';

/**
 * The pane's state as plain data, changed only by the events below. Nothing here does I/O or reads a clock:
 * `effects.ts` talks to the host and reports what happened as events; `selectors.ts` derives what is shown.
 */

export type Phase = 'idle' | 'reading' | 'analysing' | 'applying' | 'done' | 'failed';

export interface Filters {
  severities: ReadonlySet<Severity>;
  /** Rules the reviewer chose to hide. */
  hiddenCodes: ReadonlySet<string>;
  /** Only this sheet's findings; null: every sheet's. */
  sheet: string | null;
  showAcknowledged: boolean;
}

export interface LiveState {
  on: boolean;
  /** Edits not yet re-checked: per sheet (in the order first edited) its rows, or null to read it whole. */
  pending: SheetEdit[];
  /** A re-check is under way: edits made meanwhile wait in `pending` and are re-checked after it. */
  running: boolean;
  /** When the last re-check finished (HH:MM:SS, the user's clock). */
  at: string | null;
}

export interface PaneState {
  lang: Lang;
  phase: Phase;
  /** Share of the sheets read (0–1), while reading; null when unknown. */
  progress: number | null;
  /** The workbook as last read; live re-checks replace the sheets they re-read. Null where a worker holds it. */
  snapshot: WorkbookSnapshot | null;
  /** What the pane shows of the last analysis (the engine keeps the whole one, state/engine.ts). */
  analysis: PaneAnalysis | null;
  acks: Acknowledgements;
  marks: boolean;
  notes: boolean;
  live: LiveState;
  /** In both languages: the host's problems are told in Thai and English; an unexplained error is its message. */
  error: Text | null;
  /** What limits the last read (manual calculation, a sheet too large), from the host. */
  notices: Text[];
  /** What the last write could not do (explanations skipped, protected sheets, marks not removed). */
  report: ApplyReport | null;
  /** What the last fix or summary did. */
  notice: string | null;
  filters: Filters;
  /** The finding last clicked (the file mode previews its cell). */
  selected: Finding | null;
  /** The fix being previewed, before anything is written. */
  /** `choices`: the user's keep/overwrite per เติมผลรวม conflict, by "Sheet!A1". */
  fix: { kind: FixKind; overwrite: boolean; choices?: Record<string, boolean> } | null;
  /** The engine's plan for a fix request: current when `fix` is the very request it was planned for. */
  fixPlan: { fix: NonNullable<PaneState['fix']>; plan: TotalsPlan } | null;
  /** The cells around the selected finding (the file mode's preview). */
  preview: PreviewWindow | null;
}

export type PaneEvent =
  | { type: 'lang-changed'; lang: Lang }
  | { type: 'check-started' }
  | { type: 'read-progress'; done: number; total: number }
  /** The workbook is read; the engine analyses it. */
  | { type: 'analysing' }
  /** A full read was analysed; its marks are being written next. */
  | { type: 'analysed'; snapshot: WorkbookSnapshot | null; analysis: PaneAnalysis; acks: Acknowledgements; notices?: Text[] }
  /** The host wrote (marks, fixes, summaries) and said what it could not do. */
  | { type: 'host-reported'; report: ApplyReport }
  /** Acknowledgements as stored after saving (merged with a co-author's). */
  | { type: 'acks-stored'; acks: Acknowledgements }
  | { type: 'marks-written' }
  | { type: 'marks-toggled'; marks: boolean; notes: boolean }
  /** `key` is the finding's fingerprint; `at` the day (YYYY-MM-DD). */
  | { type: 'acknowledged'; key: string; reason: string; at: string }
  | { type: 'withdrawn'; key: string }
  | { type: 'live-toggled'; on: boolean }
  | { type: 'live-edit'; edits: SheetEdit[] }
  | { type: 'recheck-started'; edits: SheetEdit[] }
  /** `base` is the snapshot the re-read rows were merged into; if another read replaced it meanwhile, this is stale. */
  | { type: 'rechecked'; base: WorkbookSnapshot; edits: SheetEdit[]; snapshot: WorkbookSnapshot; analysis: PaneAnalysis; at: string }
  | { type: 'recheck-finished'; error?: Text }
  | { type: 'failed'; error: Text }
  | { type: 'fix-previewed'; fix: FixKind }
  | { type: 'overwrite-toggled'; overwrite: boolean }
  | { type: 'conflict-toggled'; cell: string; overwrite: boolean }
  /** The engine planned `fix` (kept only while it is still the fix being previewed). */
  | { type: 'fix-planned'; fix: NonNullable<PaneState['fix']>; plan: TotalsPlan }
  | { type: 'fix-closed' }
  /** Fixes or summary sheets are being written (the workbook is checked again after). */
  | { type: 'fix-started' }
  | { type: 'fix-applied'; notice: string }
  | { type: 'severity-toggled'; severity: Severity; on: boolean }
  | { type: 'rule-toggled'; code: string; on: boolean }
  | { type: 'sheet-filtered'; sheet: string | null }
  | { type: 'acknowledged-shown'; show: boolean }
  | { type: 'finding-selected'; finding: Finding }
  | { type: 'preview-loaded'; preview: PreviewWindow | null };

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export function initialState(lang: Lang = 'th'): PaneState {
  return {
    lang,
    phase: 'idle',
    progress: null,
    snapshot: null,
    analysis: null,
    acks: { v: 1, items: {} },
    marks: true,
    notes: false,
    live: { on: false, pending: [], running: false, at: null },
    error: null,
    notices: [],
    report: null,
    notice: null,
    filters: { severities: new Set(SEVERITIES), hiddenCodes: new Set(), sheet: null, showAcknowledged: true },
    selected: null,
    fix: null,
    fixPlan: null,
    preview: null,
  };
}

function toggled<T>(set: ReadonlySet<T>, item: T, on: boolean): ReadonlySet<T> {
  const next = new Set(set);
  if (on) next.add(item);
  else next.delete(item);
  return next;
}


type Handlers = { [K in PaneEvent['type']]: (s: PaneState, e: Extract<PaneEvent, { type: K }>) => PaneState };

const ON: Handlers = {
  'lang-changed': (s, e) => ({ ...s, lang: e.lang }),
  'check-started': (s) => ({ ...s, phase: 'reading', progress: 0, error: null, notice: null }),
  'read-progress': (s, e) => ({ ...s, progress: e.total > 0 ? e.done / e.total : null }),
  analysing: (s) => (s.phase === 'reading' ? { ...s, phase: 'analysing', progress: null } : s),
  analysed: (s, e) => ({ ...s, phase: 'applying', progress: null, snapshot: e.snapshot, analysis: e.analysis, acks: e.acks, notices: e.notices ?? [] }),
  'host-reported': (s, e) => ({ ...s, report: e.report }),
  'acks-stored': (s, e) => ({ ...s, acks: e.acks }),
  'marks-written': (s) => ({ ...s, phase: 'done' }),
  'marks-toggled': (s, e) => ({ ...s, marks: e.marks, notes: e.notes }),
  acknowledged: (s, e) => ({ ...s, acks: { v: 1, items: { ...s.acks.items, [e.key]: { reason: e.reason, at: e.at } } } }),
  withdrawn: (s, e) => {
    const items = { ...s.acks.items };
    delete items[e.key];
    return { ...s, acks: { v: 1, items } };
  },
  // Turning live mode off drops edits not yet re-checked; a re-check under way still finishes.
  'live-toggled': (s, e) => ({ ...s, live: { ...s.live, on: e.on, pending: e.on ? s.live.pending : [] } }),
  'live-edit': (s, e) => (s.live.on ? { ...s, live: { ...s.live, pending: mergeEdits(s.live.pending, e.edits) } } : s),
  // The edits taken leave the queue; an edit made while they are re-checked queues again and is checked after.
  'recheck-started': (s, e) => ({ ...s, live: { ...s.live, running: true, pending: s.live.pending.filter((p) => !e.edits.some((x) => x.sheet === p.sheet)) } }),
  rechecked: (s, e) =>
    s.snapshot === e.base
      ? { ...s, snapshot: e.snapshot, analysis: e.analysis, live: { ...s.live, at: e.at } }
      : // Another read replaced the snapshot meanwhile: these edits are re-read on top of it, not lost.
        { ...s, live: { ...s.live, pending: s.live.on ? mergeEdits(s.live.pending, e.edits) : s.live.pending } },
  'recheck-finished': (s, e) => {
    const live = { ...s.live, running: false };
    return e.error === undefined ? { ...s, live } : { ...s, live, phase: 'failed', error: e.error, progress: null };
  },
  failed: (s, e) => ({ ...s, phase: 'failed', error: e.error, progress: null }),
  'fix-previewed': (s, e) => ({ ...s, fix: { kind: e.fix, overwrite: s.fix?.overwrite ?? false } }),
  // Ticking "all" decides every value conflict again; a choice made per conflict stays for formula conflicts.
  'overwrite-toggled': (s, e) => (s.fix ? { ...s, fix: { kind: s.fix.kind, overwrite: e.overwrite } } : s),
  'conflict-toggled': (s, e) => (s.fix ? { ...s, fix: { ...s.fix, choices: { ...s.fix.choices, [e.cell]: e.overwrite } } } : s),
  'fix-planned': (s, e) => (s.fix && s.fix.kind === e.fix.kind ? { ...s, fixPlan: { fix: e.fix, plan: e.plan } } : s),
  'fix-closed': (s) => ({ ...s, fix: null, fixPlan: null }),
  'fix-started': (s) => ({ ...s, phase: 'applying', error: null, notice: null, fix: null, fixPlan: null }),
  'fix-applied': (s, e) => ({ ...s, notice: e.notice }),
  'severity-toggled': (s, e) => ({ ...s, filters: { ...s.filters, severities: toggled(s.filters.severities, e.severity, e.on) } }),
  'rule-toggled': (s, e) => ({ ...s, filters: { ...s.filters, hiddenCodes: toggled(s.filters.hiddenCodes, e.code, !e.on) } }),
  'sheet-filtered': (s, e) => ({ ...s, filters: { ...s.filters, sheet: e.sheet } }),
  'acknowledged-shown': (s, e) => ({ ...s, filters: { ...s.filters, showAcknowledged: e.show } }),
  'finding-selected': (s, e) => ({ ...s, selected: e.finding }),
  'preview-loaded': (s, e) => (s.selected && e.preview?.sheet === s.selected.sheet && e.preview.cell === s.selected.cell ? { ...s, preview: e.preview } : s),
};

export function reducer(state: PaneState, event: PaneEvent): PaneState {
  // The table is keyed by event type, so the handler found takes this event's own type.
  return (ON[event.type] as (s: PaneState, e: PaneEvent) => PaneState)(state, event);
}

