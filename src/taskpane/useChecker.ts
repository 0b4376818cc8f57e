import { startTransition, useEffect, useMemo, useReducer, useRef } from 'react';
import type { Lang } from './i18n/strings';
import { createEffects, type Store } from './state/effects';
import type { Engine } from './state/engine';
import { initialState, reducer, type PaneEvent, type PaneState } from './state/reducer';

const wallClock = (): Date => new Date();
/** What the engine reports (not the user's clicks, whose controls must update at once). */
const BULK = new Set<PaneEvent['type']>([
  'read-progress', 'analysing', 'analysed', 'host-reported', 'marks-written', 'acks-stored', 'rechecked', 'recheck-finished', 'fix-planned',
  'fix-applied', 'preview-loaded',
]);

/**
 * The pane's state (a pure reducer) and its effects (the engine's I/O and planning) for one engine. The effects are created once per
 * engine and read the latest state through a mirror that every dispatch updates first, so a callback that runs
 * after an await sees the state as it is then, not as it was rendered.
 */
export function useChecker(engine: Engine, options: { initialLang?: Lang; now?: () => Date } = {}) {
  // React renders the mirror's state itself (not a second run of the reducer), so identities agree: a fix plan
  // is matched to the very request it was made for.
  const [state, render] = useReducer((_: PaneState, next: PaneState) => next, options.initialLang ?? 'th', initialState);
  const mirror = useRef<PaneState>(state);
  // Read at call time: a new `now` on every render must not re-create the effects (and re-subscribe live mode).
  const now = useRef(options.now);
  now.current = options.now;

  const store = useMemo<Store>(
    () => ({
      getState: () => mirror.current,
      dispatch: (event: PaneEvent) => {
        mirror.current = reducer(mirror.current, event);
        const next = mirror.current;
        // What the engine reports redraws much of the pane: as a transition React renders it in slices that yield
        // to input, instead of one long task (the commit and its layout still come at once).
        if (BULK.has(event.type)) startTransition(() => render(next));
        else render(next);
      },
    }),
    [],
  );
  const effects = useMemo(() => createEffects(engine, store, { now: () => (now.current ?? wallClock)() }), [engine, store]);
  useEffect(() => () => void effects.dispose(), [effects]);

  return { state, dispatch: store.dispatch, ...effects };
}
