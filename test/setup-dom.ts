// Fluent UI v9 in jsdom: MessageBar and Toast need ResizeObserver; motion components query matchMedia.
if (typeof window !== 'undefined') {
  class ResizeObserverStub {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  (globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= ResizeObserverStub;
  window.matchMedia ??= ((query: string) => ({
    matches: false, media: query, onchange: null,
    addListener: () => undefined, removeListener: () => undefined,
    addEventListener: () => undefined, removeEventListener: () => undefined, dispatchEvent: () => false,
  })) as typeof window.matchMedia;
}
// jsdom (Jest 29) has no TextEncoder; the FakeExcel measures payloads with it, as browsers allow.
if (typeof globalThis.TextEncoder === 'undefined') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (globalThis as { TextEncoder?: unknown }).TextEncoder = (require('node:util') as typeof import('node:util')).TextEncoder;
}
// Nor TextDecoder, which the package reader uses to read a workbook's XML, as browsers allow.
if (typeof globalThis.TextDecoder === 'undefined') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (globalThis as { TextDecoder?: unknown }).TextDecoder = (require('node:util') as typeof import('node:util')).TextDecoder;
}
