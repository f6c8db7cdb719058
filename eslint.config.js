import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'tv-app/dist/',
      'tv-app/dist-test/',
      'db/migrations/',
      'data/',
      'test-artifacts/',
      'bench-out/',
      'coverage/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': 'off',
    },
  },
  {
    files: ['tv-app/**/*.{ts,js}'],
    languageOptions: {
      globals: { window: 'readonly', document: 'readonly', localStorage: 'readonly', fetch: 'readonly' },
    },
  },
  {
    // Every CSV goes through server/src/lib/csv.ts, which neutralises spreadsheet formulas.
    files: ['**/*.{ts,tsx}'],
    ignores: ['server/src/lib/csv.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['csv-stringify', 'csv-stringify/sync'].map((name) => ({
            name,
            message: 'Write CSV with toCsv from server/src/lib/csv.ts (it neutralises formulas).',
          })),
        },
      ],
    },
  },
  {
    // The data layer is asynchronous: a query or business call left un-awaited would run outside
    // its transaction or be lost. Type-aware rules catch it.
    files: ['server/**/*.{ts,tsx}', 'db/**/*.ts', 'test/**/*.ts', 'scripts/**/*.ts'],
    languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['**/*.mjs', 'scripts/**/*.{js,mjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
