/** See spawn.js: the engine's worker (engine.worker.ts), bundled by webpack. */
export declare function spawnEngineWorker(): Worker;
