/**
 * The engine's worker. Webpack bundles it from exactly this pattern (`new Worker(new URL(…, import.meta.url))`);
 * it is a file of its own because tsc and jest compile TypeScript to CommonJS, which has no `import.meta`.
 */
/* global Worker */
export function spawnEngineWorker() {
  return new Worker(/* webpackChunkName: "engine" */ new URL('./engine.worker.ts', import.meta.url), { name: 'plancheck-engine' });
}
