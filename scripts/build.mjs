#!/usr/bin/env node
// `npm run build`: the renderer with Vite (vite.config.ts → dist/renderer) and the Electron
// main process and preload with esbuild (→ dist/main). `--main` or `--renderer` builds one part.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const MAIN_OUT = join(ROOT, 'dist', 'main');
export const RENDERER_OUT = join(ROOT, 'dist', 'renderer');

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
  const onlyMain = argv.includes('--main');
  const onlyRenderer = argv.includes('--renderer');
  const both = !onlyMain && !onlyRenderer;
  if (both || onlyRenderer) buildRenderer();
  if (both || onlyMain) await buildMain();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).catch((err) => {
    console.error(`build failed: ${err.message}`);
    process.exit(1);
  });
}
