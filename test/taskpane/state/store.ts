import { createEffects, type EffectsOptions } from '../../../src/taskpane/state/effects';
import { localEngine } from '../../../src/taskpane/state/local-engine';
import { initialState, reducer, type PaneEvent, type PaneState } from '../../../src/taskpane/state/reducer';
import type { PlanHost } from '../../../src/workbook/host';

/** The user's clock in these tests: 21 Nov 2026, 10:15:30 local time. */
export const NOW = new Date(2026, 10, 21, 10, 15, 30);

/** A store over the pure reducer that keeps every event, and effects over `host`. */
export function setup(host: PlanHost, options: EffectsOptions = {}, from: PaneState = initialState()) {
  let state = from;
  const events: PaneEvent[] = [];
  const store = {
    getState: () => state,
    dispatch: (e: PaneEvent) => {
      events.push(e);
      state = reducer(state, e);
    },
  };
  const effects = createEffects(localEngine(host), store, { now: () => NOW, ...options });
  return { effects, events, dispatch: store.dispatch, state: () => state, types: () => events.map((e) => e.type) };
}

