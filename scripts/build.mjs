#!/usr/bin/env node
// `npm run build`: the renderer with Vite (vite.config.ts → dist/renderer), the Electron
// main process and preload with esbuild (→ dist/main), and `specvet serve`'s bundle (→
// dist/serve). `--main`, `--renderer` or `--serve` builds one part.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const MAIN_OUT = join(ROOT, 'dist', 'main');
export const RENDERER_OUT = join(ROOT, 'dist', 'renderer');
export const SERVE_OUT = join(ROOT, 'dist', 'serve');

/** Native or optional modules resolved from node_modules at run time, never bundled. */
const EXTERNAL = ['electron', 'better-sqlite3', 'mysql2'];

/** Electron 45 runs Node 22 and Chromium 140. */
const NODE_TARGET = 'node22';
const CHROME_TARGET = 'chrome140';

const COMMON = { bundle: true, sourcemap: 'linked', logLevel: 'warning', absWorkingDir: ROOT, legalComments: 'none' };

export const MAIN_OPTIONS = {
  ...COMMON,
  entryPoints: ['src-main/electron/main.ts'],
  outfile: join(MAIN_OUT, 'electron-main.cjs'),
  platform: 'node',
  format: 'cjs',
  target: NODE_TARGET,
  external: EXTERNAL,
  // Modules written as ESM may use import.meta.url; in the CommonJS bundle it is this file.
  banner: { js: "const __bundle_url = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__bundle_url' },
};

export const PRELOAD_OPTIONS = {
  ...COMMON,
  entryPoints: ['src-main/electron/preload.ts'],
  outfile: join(MAIN_OUT, 'preload.cjs'),
  // A sandboxed preload gets no Node: 'browser' makes any Node built-in a build error
  // instead of a blank window at run time; require('electron') is all it may keep.
  platform: 'browser',
  format: 'cjs',
  target: CHROME_TARGET,
  external: ['electron'],
};

/**
 * The `specvet` entry as one ES module, which bin/specvet.mjs runs for `serve` while it is newer
 * than every file in inputs.json: Node then loads one file instead of ~300 through tsx's loader
 * (≈ 3× less CPU before the web edition listens). dist/serve/ is as deep as src-main/web/, so
 * the paths its modules make from import.meta.url (dist/renderer, resources/templates) hold.
 */
export const SERVE_OPTIONS = {
  ...COMMON,
  entryPoints: ['src-main/entry/specvet.ts'],
  outfile: join(SERVE_OUT, 'specvet.mjs'),
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: [...EXTERNAL, 'mysql2/*', 'tsx', 'tsx/*'],
  // Bundled CommonJS packages call require(); an ES module has none of its own.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  // Less for V8 to scan at start (zod's locales come whole through its namespace export).
  minify: true,
  keepNames: true,
  metafile: true,
};

export async function buildServe() {
  rmSync(SERVE_OUT, { recursive: true, force: true });
  mkdirSync(SERVE_OUT, { recursive: true });
  const { metafile } = await build(SERVE_OPTIONS);
  writeFileSync(join(SERVE_OUT, 'inputs.json'), JSON.stringify(Object.keys(metafile.inputs)));
}

export async function buildMain() {
  rmSync(MAIN_OUT, { recursive: true, force: true });
  await Promise.all([build(MAIN_OPTIONS), build(PRELOAD_OPTIONS)]);
}

export function buildRenderer() {
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status ?? r.signal})`);
}

async function main(argv) {
  const parts = ['--main', '--renderer', '--serve'].filter((p) => argv.includes(p));
  const wanted = (part) => parts.length === 0 || parts.includes(part);
  if (wanted('--renderer')) buildRenderer();
  if (wanted('--main')) await buildMain();
  if (wanted('--serve')) await buildServe();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).catch((err) => {
    console.error(`build failed: ${err.message}`);
    process.exit(1);
  });
}
