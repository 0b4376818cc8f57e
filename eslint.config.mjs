import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['build/', 'dist/', 'node_modules/', 'coverage/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // The domain is pure: no host, DOM, file system or clock.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'path', 'exceljs', 'react', 'react-dom', '*/workbook/*', '*/taskpane/*', '*/cli/*'] }],
      'no-restricted-globals': ['error', 'Date', 'process', 'window', 'document', 'Office', 'Excel'],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random' }],
    },
  },
  {
    // One front door: outside the domain, import only src/domain/index.ts.
    files: ['src/workbook/**/*.{ts,tsx}', 'src/taskpane/**/*.{ts,tsx}', 'src/cli/**/*.ts', 'src/commands/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)domain/.+', message: "Import from the domain's front door (src/domain/index.ts), not a deeper path." }] }],
    },
  },
  { files: ['**/*.cjs', '**/*.js'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  // The task pane's inline boot script: ES5 in the browser (checked by test/taskpane/boot.test.ts with acorn).
  {
    files: ['src/taskpane/boot.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser } },
    rules: { '@typescript-eslint/no-unused-vars': ['error', { caughtErrors: 'none' }], 'no-var': 'off' },
  },
  // The fake mimics office.js proxies, whose nested setters need the owning object.
  { files: ['test/fakes/**/*.ts'], rules: { '@typescript-eslint/no-this-alias': 'off' } },
);
