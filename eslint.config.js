// Lint rules, including the house's layering (docs/architecture.md, "Layers"):
// - LAYERS below: which folder may import which folder of ours — an allow-list, every folder a
//   row (local/code-layering); no import cycles (local/no-import-cycle).
// - Which packages a layer may use: shared/ and src-renderer/ no Node built-ins or native
//   modules; only src-main/electron/ imports 'electron' (no-restricted-imports).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { register } from 'tsx/esm/api';

// The local rules are TypeScript like the rest of the house; tsx loads them.
register();
const { default: local } = await import('./.eslint-plugin-local/index.ts');

const SHARED = ['shared-fits', 'shared-spectrum', 'shared-fit', 'shared'];
const SERVICES = ['config', 'files', 'sync-contract', 'survey', 'spectrum', 'fit', 'central', 'cache', 'sync', 'demo'];

/**
 * The layers, bottom up. Each row: the folders (or single files) it covers, and the layers it
 * may import besides itself. Services never import a host; hosts (cli, web, electron) never
 * import each other; only an entry joins hosts.
 */
const LAYERS = {
  'shared-fits': { files: ['shared/fits/'], allow: [] },
  'shared-spectrum': { files: ['shared/spectrum/'], allow: ['shared-fits'] },
  'shared-fit': { files: ['shared/fit/'], allow: ['shared-fits'] },
  shared: { files: ['shared/'], allow: [] },

  config: { files: ['src-main/config/'], allow: SHARED },
  files: { files: ['src-main/files/'], allow: SHARED },
  'sync-contract': { files: ['src-main/sync/contract.ts'], allow: [...SHARED, 'files'] },
  survey: { files: ['src-main/survey/'], allow: SHARED },
  spectrum: { files: ['src-main/spectrum/'], allow: SHARED },
  fit: { files: ['src-main/fit/'], allow: [...SHARED, 'config', 'spectrum'] },
  central: { files: ['src-main/central/'], allow: [...SHARED, 'config', 'survey', 'sync-contract'] },
  cache: { files: ['src-main/cache/'], allow: [...SHARED, 'files', 'sync-contract'] },
  sync: { files: ['src-main/sync/'], allow: [...SHARED, 'config', 'files', 'central', 'sync-contract'] },
  demo: { files: ['src-main/demo/'], allow: [...SHARED, 'files', 'survey', 'cache', 'sync-contract', 'fit'] },
  app: { files: ['src-main/app/'], allow: [...SHARED, ...SERVICES] },
  command: { files: ['src-main/command/'], allow: [...SHARED, 'config'] },

  cli: { files: ['src-main/cli/'], allow: [...SHARED, ...SERVICES, 'app', 'command'] },
  web: { files: ['src-main/web/'], allow: [...SHARED, 'config', 'app', 'command'] },
  electron: { files: ['src-main/electron/'], allow: [...SHARED, 'config', 'app'] },
  entry: { files: ['src-main/entry/'], allow: ['cli', 'web', 'command'] },

  'renderer-api': { files: ['src-renderer/api/'], allow: SHARED },
  'renderer-state': { files: ['src-renderer/state/'], allow: SHARED },
  'renderer-spectra': { files: ['src-renderer/spectra/'], allow: [...SHARED, 'renderer-api'] },
  'renderer-assistant': { files: ['src-renderer/assistant/'], allow: [...SHARED, 'renderer-api', 'renderer-state', 'renderer-spectra'] },
  'renderer-review': { files: ['src-renderer/review/'], allow: [...SHARED, 'renderer-api', 'renderer-state', 'renderer-spectra', 'renderer-assistant'] },
  'renderer-browse': { files: ['src-renderer/browse/'], allow: [...SHARED, 'renderer-api', 'renderer-state', 'renderer-spectra', 'renderer-review', 'renderer-assistant'] },
  'renderer-spectrograph': { files: ['src-renderer/spectrograph/'], allow: [...SHARED, 'renderer-api', 'renderer-state', 'renderer-spectra', 'renderer-review', 'renderer-assistant'] },
  'renderer-desk': { files: ['src-renderer/desk/'], allow: [...SHARED, 'renderer-api', 'renderer-state', 'renderer-spectra', 'renderer-review', 'renderer-spectrograph', 'renderer-assistant'] },
  'renderer-frame': {
    files: ['src-renderer/frame/'],
    allow: [...SHARED, 'renderer-api', 'renderer-state', 'renderer-review', 'renderer-browse', 'renderer-spectrograph', 'renderer-desk'],
  },
  renderer: { files: ['src-renderer/'], allow: ['renderer-frame'] },
};
const LAYERED = ['shared/', 'src-main/', 'src-renderer/'];

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
    files: ['shared/**', 'src-main/**', 'src-renderer/**'],
    plugins: { local },
    rules: {
      'local/code-layering': ['error', { scope: LAYERED, layers: LAYERS }],
    },
  },
  {
    files: ['shared/**', 'src-main/**', 'src-renderer/**', 'scripts/**', 'bench/**', '.eslint-plugin-local/**'],
    plugins: { local },
    rules: { 'local/no-import-cycle': ['error', { scope: [...LAYERED, 'scripts/', 'bench/', '.eslint-plugin-local/'] }] },
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
    rules: restrict([...NODE_ONLY, '**/src-main/**', '**/src-renderer/**', 'react', 'react-dom', 'react-dom/*'], 'shared/ runs in the browser and in Node alike: import only shared/ and pure packages (docs/architecture.md, Layers).'),
  },
  {
    files: ['src-renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict([...NODE_ONLY, '**/src-main/**'], 'The renderer talks only to the typed API in shared/api.ts (docs/architecture.md, Layers).'),
      // Their zod schemas would load with the first screen (docs/app.md, "What a cold start does").
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/shared/model', '**/shared/desk', '**/shared/api', '**/shared/settingsSchema'],
              allowTypeImports: true,
              message: 'The renderer takes only types from the zod modules: values from shared/modelConstants.ts, deskConstants.ts or traceKey.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/**'],
    ignores: ['src-main/electron/**'],
    rules: restrict(['electron', '**/src-renderer/**'], "Only src-main/electron/ imports 'electron'; src-main never imports the renderer (docs/architecture.md, Layers)."),
  },
  {
    files: ['src-main/electron/**'],
    rules: restrict(['**/src-renderer/**'], 'src-main never imports the renderer (docs/architecture.md, Layers).'),
  },
);
