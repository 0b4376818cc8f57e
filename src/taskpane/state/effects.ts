import { fingerprint, type Action, type Finding, type Text } from '../../domain';
import type { Engine } from './engine';
import type { SheetEdit } from '../../workbook/host';
import type { PaneEvent, PaneState } from './reducer';
import { canSummarize, fixPreview, markRequest, nextRecheck, summaryDone } from './selectors';


/** Where effects read the state and report what happened. */
export interface Store {
  getState(): PaneState;
  dispatch(event: PaneEvent): void;
}

export interface EffectsOptions {
  /** The user's clock (acknowledgement days, the time of the last live re-check). */
  now?: () => Date;
  /** Edits closer together than this are re-checked once. */
  debounceMs?: number;
}

export type Effects = ReturnType<typeof createEffects>;

/** The host explains what it can in both languages (HostProblem.text); anything else is shown as its message. */
export function errorText(e: unknown): Text {
  const text = (e as { text?: Partial<Text> } | null)?.text;
  if (text && typeof text.th === 'string' && typeof text.en === 'string') return { th: text.th, en: text.en };
  const msg = e instanceof Error ? e.message : String(e);
  return { th: msg, en: msg };
}

export { mergeSheets } from '../../workbook/host';

/**
 * The pane's I/O: every call to the engine (the host, analysis and planning: state/engine.ts) happens here and is
 * reported as events. Decides nothing about plans (the domain does) nor about what is shown (the selectors do).
 * Created once per engine, so the live subscription lives as long as live mode is on, whatever the pane re-renders.
 */
export function createEffects(host: Engine, store: Store, options: EffectsOptions = {}) {
  const { dispatch, getState } = store;
  const now = options.now ?? (() => new Date());
  const debounceMs = options.debounceMs ?? 500;
  const fail = (e: unknown): void => dispatch({ type: 'failed', error: errorText(e) });
  const writeMarks = async (): Promise<void> => {
    const { analysis, options } = markRequest(getState(), host.canExplain);
    dispatch({ type: 'host-reported', report: await host.writeMarks(analysis, options) });
  };

  /** Read → analyse → mark. Resolves once done (failures are reported, not thrown). */
  async function check(): Promise<void> {
    dispatch({ type: 'check-started' });
    try {
      const { snapshot, analysis, acks, notices } = await host.check((p) =>
        dispatch(p.step === 'reading' ? { type: 'read-progress', done: p.done, total: p.total } : { type: 'analysing' }),
      );
      dispatch({ type: 'analysed', snapshot, analysis, acks, ...(notices ? { notices } : {}) });
      const selected = getState().selected;
      if (selected) void loadPreview(selected);
      await writeMarks();
      dispatch({ type: 'marks-written' });
    } catch (e) {
      fail(e);
    }
    // Edits that arrived while the workbook was read are re-checked on top of what was read.
    void drain();
  }

  async function setMarks(marks: boolean, notes = getState().notes): Promise<void> {
    dispatch({ type: 'marks-toggled', marks, notes });
    // Nothing to mark before the first check; turning marks off still clears what an earlier session left.
    if (!getState().analysis && marks) return;
    try {
      await writeMarks();
    } catch (e) {
      fail(e);
    }
  }

  /** Stores acknowledgements in the workbook; acknowledged findings lose their marks. */
  async function saveAcks(): Promise<void> {
    try {
      dispatch({ type: 'acks-stored', acks: await host.saveAcks(getState().acks) });
      const s = getState();
      if (s.analysis && s.marks) await writeMarks();
    } catch (e) {
      fail(e);
    }
  }

  function acknowledge(f: Finding, reason: string): Promise<void> {
    dispatch({ type: 'acknowledged', key: fingerprint(f), reason, at: now().toISOString().slice(0, 10) });
    return saveAcks();
  }

  function withdraw(f: Finding): Promise<void> {
    dispatch({ type: 'withdrawn', key: fingerprint(f) });
    return saveAcks();
  }

  async function loadPreview(f: Finding): Promise<void> {
    if (host.kind === 'file') dispatch({ type: 'preview-loaded', preview: await host.preview(f.sheet, f.cell) });
  }

  function select(f: Finding): Promise<void> {
    dispatch({ type: 'finding-selected', finding: f });
    return Promise.all([loadPreview(f), host.select(f.sheet, f.cell)]).then(() => undefined, fail);
  }

  /** Plans the fix now being previewed (after the event that chose it); a plan for an older choice is dropped. */
  async function planFix(event: Extract<PaneEvent, { type: 'fix-previewed' | 'overwrite-toggled' | 'conflict-toggled' }>): Promise<void> {
    dispatch(event);
    const { fix, analysis } = getState();
    if (!fix || !analysis) return;
    try {
      const plan = await host.planFix(analysis, fix);
      if (getState().fix === fix) dispatch({ type: 'fix-planned', fix, plan });
    } catch (e) {
      fail(e);
    }
  }

  /** Writes fixes or summary sheets, then checks again so the list and marks show the workbook as it now is. */
  async function applyAndRecheck(actions: Action[], done: string): Promise<void> {
    dispatch({ type: 'fix-started' });
    try {
      dispatch({ type: 'host-reported', report: await host.apply(actions) });
      await check();
      dispatch({ type: 'fix-applied', notice: done });
    } catch (e) {
      fail(e);
    }
  }

  /** Confirms the fix being previewed: exactly the previewed actions are written. */
  function applyFix(): Promise<void> {
    const p = fixPreview(getState());
    return p && !p.pending ? applyAndRecheck(p.actions, p.done) : Promise.resolve();
  }

  async function summarize(): Promise<void> {
    const s = getState();
    if (!s.analysis || !canSummarize(s)) return;
    try {
      const actions = await host.summaries(s.analysis);
      await applyAndRecheck(actions, summaryDone(getState(), actions));
    } catch (e) {
      fail(e);
    }
  }

  // Live mode. One subscription while it is on; edits are queued in the state and re-checked one batch at a time.
  let watching: Promise<(() => Promise<void>) | null> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let disposed = false;

  const onEdit = (edits: SheetEdit[]): void => {
    if (disposed || !getState().live.on) return;
    dispatch({ type: 'live-edit', edits });
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void drain();
    }, debounceMs);
  };

  /** Re-checks what is pending, and again for what was edited meanwhile, until nothing waits. */
  async function drain(): Promise<void> {
    for (let next = nextRecheck(getState()); next; next = nextRecheck(getState())) await recheck(next);
  }

  /** Reads the edited rows (or sheets), re-analyses on top of the previous parse, writes the marks that changed. */
  async function recheck(edits: SheetEdit[]): Promise<void> {
    const base = getState().snapshot;
    if (!base) return;
    dispatch({ type: 'recheck-started', edits });
    try {
      const { snapshot, analysis } = await host.recheck(base, edits);
      dispatch({ type: 'rechecked', base, edits, snapshot, analysis, at: now().toTimeString().slice(0, 8) });
      const s = getState();
      if (s.snapshot === snapshot && s.marks) await writeMarks();
      dispatch({ type: 'recheck-finished' });
    } catch (e) {
      dispatch({ type: 'recheck-finished', error: errorText(e) });
    }
  }

  async function stopWatching(): Promise<void> {
    const w = watching;
    watching = null;
    if (timer) clearTimeout(timer);
    timer = null;
    const stop = await w;
    await stop?.();
  }

  async function setLive(on: boolean): Promise<void> {
    dispatch({ type: 'live-toggled', on });
    if (!on) return stopWatching().catch(fail);
    if (watching) return;
    watching = host.watch(onEdit).catch((e: unknown) => {
      fail(e);
      watching = null;
      return null;
    });
    await watching;
  }

  /** The pane is closing: stop listening and forget pending re-checks. */
  function dispose(): Promise<void> {
    disposed = true;
    return stopWatching().catch(() => undefined);
  }

  return { check, setMarks, acknowledge, withdraw, select, planFix, applyAndRecheck, applyFix, summarize, setLive, dispose };
}
