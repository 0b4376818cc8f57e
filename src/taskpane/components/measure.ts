import { elementScroll, measureElement as readSize, observeElementRect as readRect, type Rect, type Virtualizer } from '@tanstack/react-virtual';

/**
 * The findings list's sizes without forcing a layout while React commits. The virtualiser's own observers read
 * `clientHeight` of the scroll box and `offsetHeight` of each row the moment they are attached: inside the commit
 * that first draws a checked pane, that lays out the whole pane there and then, and the size it finds (not the
 * estimate the first render used) renders the list again in the same task (measured: 60–100 ms of a 140–280 ms
 * task at 50k rows or 100 sheets). Here sizes come from ResizeObservers, which report after the browser's own
 * layout, in the frame; the first render uses `initialRect` and the row estimates. Where there is no
 * ResizeObserver (jsdom), the virtualiser's reads are used as they are.
 */

/** What the list's box will be before it is measured: no taller than the window (its max-height is less). */
export function initialRect(): Rect {
  return typeof window === 'undefined' ? { width: 0, height: 0 } : { width: window.innerWidth, height: window.innerHeight };
}

/** Boxes scrolled at least once (by the user or by us): any other box is at its top. */
const moved = new WeakSet<Element>();

/** The scroll box's size from a ResizeObserver only (its content box: the box has no padding, as clientHeight sees it). */
export function observeBoxRect<T extends Element>(instance: Virtualizer<T, Element>, cb: (rect: Rect) => void): (() => void) | undefined {
  const box = instance.scrollElement;
  const win = instance.targetWindow;
  if (!box || !win) return undefined;
  const scrolled = (): void => void moved.add(box);
  box.addEventListener('scroll', scrolled, { passive: true, once: true });
  if (!win.ResizeObserver) {
    const stop = readRect(instance, cb);
    return () => {
      box.removeEventListener('scroll', scrolled);
      stop?.();
    };
  }
  const observer = new win.ResizeObserver((entries) => {
    const r = entries[entries.length - 1]?.contentRect;
    if (r) cb({ width: Math.round(r.width), height: Math.round(r.height) });
  });
  observer.observe(box, { box: 'content-box' });
  return () => {
    box.removeEventListener('scroll', scrolled);
    observer.disconnect();
  };
}

/**
 * Scrolls the box, except to the top of a box that never moved: the virtualiser "restores" offset 0 when it
 * first sees its box, and that write (scrollTo) forces the whole pane's layout inside the commit (measured:
 * 170 ms of a 350 ms task, traced, on 100 sheets).
 */
export function scrollBox<T extends Element>(offset: number, options: { adjustments?: number; behavior?: ScrollBehavior }, instance: Virtualizer<T, Element>): void {
  const box = instance.scrollElement;
  if (!box) return;
  if (offset + (options.adjustments ?? 0) === 0 && !moved.has(box)) return;
  moved.add(box);
  elementScroll(offset, options, instance);
}

/**
 * A row's size: what its ResizeObserver entry says, else what was measured before or the estimate (the entry
 * follows after the frame's layout). Without ResizeObserver, the row is read (`offsetHeight`).
 */
export function measureRow<T extends Element>(el: Element, entry: ResizeObserverEntry | undefined, instance: Virtualizer<T, Element>): number {
  const box = entry?.borderBoxSize?.[0];
  if (box) return Math.round(box.blockSize);
  // The global, not the instance's window: rows are attached before the virtualiser knows its scroll box.
  if (typeof ResizeObserver === 'undefined') return readSize(el, entry, instance);
  const index = instance.indexFromElement(el);
  return instance.itemSizeCache.get(instance.options.getItemKey(index)) ?? instance.options.estimateSize(index);
}
