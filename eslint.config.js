// Lint rules that catch real defects; formatting is left to the editor.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import orgScoped from './eslint-rules/org-scoped.js';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', '.tmp/', 'src/db/migrations/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  // Organisation-owned rows are read and written only through src/db/scoped.ts (tests may query freely).
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    plugins: { tegenspraak: { rules: { 'org-scoped': orgScoped } } },
    rules: { 'tegenspraak/org-scoped': 'error' },
  },
  { files: ['src/cli/**', 'bench/**', 'test/**', 'src/main.ts'], rules: { 'no-console': 'off' } },
);
