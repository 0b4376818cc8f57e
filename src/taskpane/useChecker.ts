import { useCallback, useEffect, useRef, useState } from 'react';
import { fingerprint, planMarks, type Action, analyze, type Analysis, type Finding, type WorkbookSnapshot } from '../domain';
import type { Acknowledgements, PlanHost } from '../workbook/host';
import type { Lang } from './i18n/strings';

export type Phase = 'idle' | 'reading' | 'applying' | 'done' | 'failed';

export interface CheckerState {
  phase: Phase;
  progress: number | null;
  analysis: Analysis | null;
  acks: Acknowledgements;
  marks: boolean;
  notes: boolean;
  live: boolean;
  liveAt: string | null;
  error: string | null;
  /** What the last fix or summary did. */
  notice: string | null;
}

const LIVE_DEBOUNCE_MS = 500;

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * The pane's logic: check (read → analyze → mark), marks on/off, acknowledgements and live re-checks.
 * The host does the I/O; this decides nothing about Excel and nothing about plans.
 */
export function useChecker(host: PlanHost, lang: Lang, now: () => Date = () => new Date()) {
  const [state, setState] = useState<CheckerState>({
    phase: 'idle', progress: null, analysis: null, acks: { v: 1, items: {} }, marks: true, notes: false, live: false, liveAt: null, error: null, notice: null,
  });
  const snapshot = useRef<WorkbookSnapshot | null>(null);
  const latest = useRef(state);
  latest.current = state;

  const mark = useCallback(
    async (analysis: Analysis, acks: Acknowledgements, marks: boolean, notes: boolean) => {
      const actions = marks
        ? planMarks(analysis, { acknowledged: new Set(Object.keys(acks.items)), notes: notes && host.canExplain, lang })
        : [{ kind: 'clear-marks' as const }];
      await host.apply(actions);
    },
    [host, lang],
  );

  const fail = (e: unknown): void => setState((s) => ({ ...s, phase: 'failed', error: errorText(e), progress: null }));

  const check = useCallback(async () => {
    setState((s) => ({ ...s, phase: 'reading', progress: 0, error: null, notice: null }));
    try {
      const { snapshot: snap, acks } = await host.read((done, total) =>
        setState((s) => ({ ...s, progress: total > 0 ? done / total : null })),
      );
      snapshot.current = snap;
      const analysis = analyze(snap);
      setState((s) => ({ ...s, phase: 'applying', analysis, acks, progress: null }));
      const { marks, notes } = latest.current;
      await mark(analysis, acks, marks, notes);
      setState((s) => ({ ...s, phase: 'done' }));
    } catch (e) {
      fail(e);
    }
  }, [host, mark]);

  const setMarks = useCallback(
    async (marks: boolean, notes = latest.current.notes) => {
      setState((s) => ({ ...s, marks, notes }));
      const { analysis, acks } = latest.current;
      if (!analysis && marks) return;
      try {
        if (analysis) await mark(analysis, acks, marks, notes);
        else await host.apply([{ kind: 'clear-marks' }]);
      } catch (e) {
        fail(e);
      }
    },
    [host, mark],
  );

  const saveAcks = useCallback(
    async (acks: Acknowledgements) => {
      setState((s) => ({ ...s, acks }));
      try {
        await host.saveAcks(acks);
        const { analysis, marks, notes } = latest.current;
        if (analysis && marks) await mark(analysis, acks, marks, notes);
      } catch (e) {
        fail(e);
      }
    },
    [host, mark],
  );

  const acknowledge = useCallback(
    (f: Finding, reason: string) => {
      const items = { ...latest.current.acks.items, [fingerprint(f)]: { reason, at: now().toISOString().slice(0, 10) } };
      return saveAcks({ v: 1, items });
    },
    [saveAcks, now],
  );

  const withdraw = useCallback(
    (f: Finding) => {
      const items = { ...latest.current.acks.items };
      delete items[fingerprint(f)];
      return saveAcks({ v: 1, items });
    },
    [saveAcks],
  );

  const select = useCallback((f: Finding) => host.select(f.sheet, f.cell).catch(fail), [host]);

  const setLive = useCallback((live: boolean) => setState((s) => ({ ...s, live })), []);

  // Live mode: re-read the sheets the user edited (debounced), re-check the workbook, update marks and list.
  useEffect(() => {
    if (!state.live) return;
    let stop: (() => Promise<void>) | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const pending = new Set<string>();
    let cancelled = false;
    const recheck = async (): Promise<void> => {
      const names = [...pending];
      pending.clear();
      const base = snapshot.current;
      if (!base || names.length === 0) return;
      try {
        const fresh = await host.readSheets(names);
        const byName = new Map(fresh.sheets.map((s) => [s.name, s]));
        const merged = { ...base, sheets: base.sheets.map((s) => byName.get(s.name) ?? s) };
        snapshot.current = merged;
        const analysis = analyze(merged);
        const { acks, marks, notes } = latest.current;
        setState((s) => ({ ...s, analysis, liveAt: now().toTimeString().slice(0, 8) }));
        if (marks) await mark(analysis, acks, marks, notes);
      } catch (e) {
        fail(e);
      }
    };
    void host
      .watch((sheets) => {
        for (const s of sheets) pending.add(s);
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => void recheck(), LIVE_DEBOUNCE_MS);
      })
      .then((s) => {
        if (cancelled) void s();
        else stop = s;
      }, fail);
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
      if (stop) void stop();
    };
  }, [state.live, host, mark, now]);

  /** Writes fixes or summary sheets, then checks again so the list and marks show the workbook as it now is. */
  const applyAndRecheck = useCallback(
    async (actions: Action[], done: string) => {
      setState((s) => ({ ...s, phase: 'applying', error: null, notice: null }));
      try {
        await host.apply(actions);
        await check();
        setState((s) => ({ ...s, notice: done }));
      } catch (e) {
        fail(e);
      }
    },
    [host, check],
  );

  return { state, check, setMarks, acknowledge, withdraw, select, setLive, applyAndRecheck, snapshot };
}
