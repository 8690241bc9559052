/**
 * The bundled main process (dist/main/electron-main.cjs as `npm run build` makes it) loads
 * and serves the API under Node's CommonJS loader, with only 'electron' faked: catches what
 * bundling can break (ESM-only code, import.meta, a module left external by mistake).
 */
import { build } from 'esbuild';
import Module, { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { MAIN_OPTIONS } from '../../scripts/build.mjs';
import * as electron from './fakeElectron';

const ROOT = join(import.meta.dirname, '..', '..');
// Inside the repository, so that the bundle's require('better-sqlite3') finds node_modules.
const outDir = join(ROOT, '.cache', `test-bundle-${process.pid}`);
const home = mkdtempSync(join(tmpdir(), 'specvet-bundle-'));
const saved = { home: process.env.SPECVET_HOME, central: process.env.SPECVET_CENTRAL };

const loader = Module as unknown as { _load(request: string, parent: unknown, isMain: boolean): unknown };
const realLoad = loader._load;
afterAll(() => {
  loader._load = realLoad;
  process.env.SPECVET_HOME = saved.home;
  if (saved.home === undefined) delete process.env.SPECVET_HOME;
  if (saved.central !== undefined) process.env.SPECVET_CENTRAL = saved.central;
  rmSync(outDir, { recursive: true, force: true });
  rmSync(home, { recursive: true, force: true });
});

describe('bundled main process', () => {
  it('starts on the demo and answers status over IPC', async () => {
    mkdirSync(outDir, { recursive: true });
    const outfile = join(outDir, 'electron-main.cjs');
    await build({ ...MAIN_OPTIONS, outfile, sourcemap: false });

    loader._load = function (request, parent, isMain) {
      return request === 'electron' ? electron : realLoad.call(this, request, parent, isMain);
    };
    process.env.SPECVET_HOME = home;
    delete process.env.SPECVET_CENTRAL;
    electron.app.appPath = ROOT;
    createRequire(import.meta.url)(outfile);

    expect(electron.app.paths.get('userData')).toBe(home);
    electron.app.becomeReady();
    await vi.waitFor(() => expect(electron.BrowserWindow.created).toHaveLength(1), { timeout: 60_000, interval: 50 });
    const status = (await electron.ipcMain.handlers.get('specvet:status')!(
      { senderFrame: { url: 'app://specvet/', parent: null } },
      {},
    )) as { ok: boolean; value: { origin: { kind: string } } };
    expect(status).toMatchObject({ ok: true, value: { origin: { kind: 'demo' } } });
  });
});
