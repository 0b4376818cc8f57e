import { analyzeWithState, fingerprint, reanalyze, type Action, type Finding, type Text } from '../../domain';
import type { PlanHost, SheetEdit } from '../../workbook/host';
import type { PaneEvent, PaneState } from './reducer';
import { fixPreview, markActions, nextRecheck, summaryPlan } from './selectors';

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
 * The pane's I/O: every call to the host, and analysis, happen here and are reported as events. Decides nothing
 * about plans (the domain does) nor about what is shown (the selectors do). Created once per host, so the live
 * subscription lives as long as live mode is on, whatever the pane re-renders.
 */
export function createEffects(host: PlanHost, store: Store, options: EffectsOptions = {}) {
  const { dispatch, getState } = store;
  const now = options.now ?? (() => new Date());
  const debounceMs = options.debounceMs ?? 500;
  const fail = (e: unknown): void => dispatch({ type: 'failed', error: errorText(e) });
  const writeMarks = async (): Promise<void> => dispatch({ type: 'host-reported', report: await host.apply(markActions(getState(), host.canExplain)) });

  /** Read → analyse → mark. Resolves once done (failures are reported, not thrown). */
  async function check(): Promise<void> {
    dispatch({ type: 'check-started' });
    try {
      const { snapshot, acks, notices } = await host.read((done, total) => dispatch({ type: 'read-progress', done, total }));
      const { analysis, state: engine } = analyzeWithState(snapshot);
      dispatch({ type: 'analysed', snapshot, analysis, engine, acks, ...(notices ? { notices } : {}) });
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

  function select(f: Finding): Promise<void> {
    dispatch({ type: 'finding-selected', finding: f });
    return host.select(f.sheet, f.cell).catch(fail);
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
    return p ? applyAndRecheck(p.actions, p.done) : Promise.resolve();
  }

  function summarize(): Promise<void> {
    const p = summaryPlan(getState());
    return p ? applyAndRecheck(p.actions, p.done) : Promise.resolve();
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
    const { snapshot: base, engine } = getState();
    if (!base) return;
    dispatch({ type: 'recheck-started', edits });
    try {
      const read = await host.readEdits(base, edits);
      const { snapshot } = read;
      const { analysis, state } = engine && engine.snapshot === base ? reanalyze(engine, snapshot, read.edited) : analyzeWithState(snapshot);
      dispatch({ type: 'rechecked', base, edits, snapshot, analysis, engine: state, at: now().toTimeString().slice(0, 8) });
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

  return { check, setMarks, acknowledge, withdraw, select, applyAndRecheck, applyFix, summarize, setLive, dispose };
}
