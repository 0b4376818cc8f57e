/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  setupFiles: ['<rootDir>/test/setup-dom.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/setup-after-env.ts'],
  // Transpile only: `npm run typecheck` type-checks the whole project once.
  transform: { '^.+\\.tsx?$': ['ts-jest', { isolatedModules: true, diagnostics: false }] },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  // Tests that spawn the CLI, LibreOffice or Chromium wait on other processes: on a loaded 2-core machine 5 s is
  // too short. Speed targets live in `npm run bench`, not in test timeouts.
  testTimeout: 60_000,
  globalSetup: '<rootDir>/test/global-setup.js',
};
