// Lint rules, including the layering rule of DESIGN.md: renderer → shared ← main.
// Each layer may import only from itself and the layers below it:
//   shared/        nothing outside shared/ and pure npm packages (runs in browser and Node)
//   src-renderer/  shared/ and browser packages; never src-main/ or Node built-ins
//   src-main/      shared/ and Node; never src-renderer/; only src-main/electron/ imports 'electron'
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const NODE_ONLY = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream', 'zlib', 'worker_threads', 'better-sqlite3', 'mysql2', 'mysql2/*', 'electron', 'tsx', 'tsx/*'];

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'release/', '.cache/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    // House size limits: past these, split a file or function by meaning.
    files: ['shared/**', 'src-main/**', 'src-renderer/**'],
    rules: {
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['shared/**'],
    rules: restrict([...NODE_ONLY, '**/src-main/**', '**/src-renderer/**', 'react', 'react-dom', 'react-dom/*'], 'shared/ runs in the browser and in Node alike: import only shared/ and pure packages (DESIGN.md, layering).'),
  },
  {
    files: ['src-renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict([...NODE_ONLY, '**/src-main/**'], 'The renderer talks only to the typed API in shared/api.ts (DESIGN.md, layering).'),
    },
  },
  {
    files: ['src-main/**'],
    ignores: ['src-main/electron/**'],
    rules: restrict(['electron', '**/src-renderer/**'], "Only src-main/electron/ imports 'electron'; src-main never imports the renderer (DESIGN.md, layering)."),
  },
  {
    files: ['src-main/electron/**'],
    rules: restrict(['**/src-renderer/**'], 'src-main never imports the renderer (DESIGN.md, layering).'),
  },
);
