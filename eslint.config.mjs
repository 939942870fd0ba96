// Lint: typescript-eslint's recommended rules over the sources, tests and scripts, and a few stricter
// ones: strict equality, braces around any body that spans lines, type-only imports marked as such,
// no console output from the server (its stdout is the protocol), lines within 120 columns.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.e2e/**', '.bench/**', '**/*.vsix'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        __dirname: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setImmediate: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        TextDecoder: 'readonly',
        performance: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      curly: ['error', 'multi-line'],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        // import('…') types stay allowed: a lazily loaded module is named that way.
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
    },
  },
  {
    // Lines within 120 columns, as Prettier writes code; it does not break strings, regexes or
    // comments, so this holds them to it too. A URL may run over.
    rules: { 'max-len': ['error', { code: 120, ignoreUrls: true }] },
  },
  {
    // Type-aware, for the server only (about 3 s more): a switch over a union names every member,
    // so a new check code or value kind cannot fall through unhandled.
    files: ['server/src/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },
  {
    // The server talks to the editor through the connection; the CLI and its launcher print by design.
    files: ['server/src/**'],
    ignores: ['server/src/cli.ts', 'server/src/cliLauncher.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    // Fixtures keep their own layout, as they do for Prettier.
    files: ['test/fixtures/**'],
    rules: { 'max-len': 'off' },
  },
  {
    // End-to-end tests run code in the browser page (page.evaluate) and use Node 20's fetch.
    files: ['test/e2e/**'],
    languageOptions: {
      globals: { document: 'readonly', window: 'readonly', NodeFilter: 'readonly', fetch: 'readonly' },
    },
  },
);
