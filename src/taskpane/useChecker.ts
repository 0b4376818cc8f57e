import { useEffect, useMemo, useReducer, useRef } from 'react';
import type { PlanHost } from '../workbook/host';
import type { Lang } from './i18n/strings';
import { createEffects, type Store } from './state/effects';
import { initialState, reducer, type PaneEvent, type PaneState } from './state/reducer';

const wallClock = (): Date => new Date();

/**
 * The pane's state (a pure reducer) and its effects (host I/O) for one host. The effects are created once per
 * host and read the latest state through a mirror that every dispatch updates first, so a callback that runs
 * after an await sees the state as it is then, not as it was rendered.
 */
export function useChecker(host: PlanHost, options: { initialLang?: Lang; now?: () => Date } = {}) {
  const [state, dispatchToReact] = useReducer(reducer, options.initialLang ?? 'th', initialState);
  const mirror = useRef<PaneState>(state);
  // Read at call time: a new `now` on every render must not re-create the effects (and re-subscribe live mode).
  const now = useRef(options.now);
  now.current = options.now;

  const store = useMemo<Store>(
    () => ({
      getState: () => mirror.current,
      dispatch: (event: PaneEvent) => {
        mirror.current = reducer(mirror.current, event);
        dispatchToReact(event);
      },
    }),
    [],
  );
  const effects = useMemo(() => createEffects(host, store, { now: () => (now.current ?? wallClock)() }), [host, store]);
  useEffect(() => () => void effects.dispose(), [effects]);

  return { state, dispatch: store.dispatch, ...effects };
}
