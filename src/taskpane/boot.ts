/** The bundle's side of the hand-off with taskpane.html's inline boot script (src/taskpane/boot.js). */
export type OfficeState = 'none' | 'loaded' | 'failed';

interface Boot {
  /** False where the engine lacks what the bundle needs; the boot script then shows "please update Office". */
  supported: boolean;
  started(): void;
  /** 'none' when the page is not inside Office (office.js was not requested), else once office.js loaded or failed. */
  whenOffice(callback: (state: OfficeState) => void): void;
}

declare global {
  interface Window {
    __plancheckBoot?: Boot;
  }
}

/**
 * Tells the boot script that the bundle runs, and resolves with office.js's state; null when the pane must not start
 * (the boot script is showing why). Without the boot script (a page that loads office.js itself) it reads the global.
 */
export function handOff(): Promise<OfficeState> | null {
  const boot = window.__plancheckBoot;
  if (!boot) return Promise.resolve(typeof Office === 'undefined' ? 'none' : 'loaded');
  boot.started();
  if (!boot.supported) return null;
  return new Promise((resolve) => boot.whenOffice(resolve));
}
