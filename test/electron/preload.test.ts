/**
 * The preload as Electron runs it: bundled exactly as `npm run build` does, then executed in
 * a fresh V8 context whose only module is 'electron' (what a sandboxed preload may require).
 */
import { build } from 'esbuild';
import { runInNewContext } from 'node:vm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { API_EVENTS, API_METHODS, type SpecvetApi } from '../../shared/api';
import { PRELOAD_OPTIONS } from '../../scripts/build.mjs';
import { recordingHandlers, type Recording } from './recordingHandlers';

vi.mock('electron', () => import('./fakeElectron'));
const electron = await import('./fakeElectron');
const { registerApiHandlers } = await import('../../src-main/electron/ipc');
import type { IpcMain } from 'electron';

let bundle: string;
beforeAll(async () => {
  const out = await build({ ...PRELOAD_OPTIONS, write: false, sourcemap: false, outfile: 'preload.cjs' });
  bundle = out.outputFiles[0]!.text;
});

let api: SpecvetApi;
let rec: Recording;
let requested: string[];
beforeEach(() => {
  electron.contextBridge.exposed.clear();
  electron.ipcMain.handlers.clear();
  electron.ipcRenderer.removeAllListeners();
  electron.renderer.frame = { url: 'app://specvet/', parent: null };
  rec = recordingHandlers();
  registerApiHandlers(electron.ipcMain as unknown as IpcMain, rec.handlers);
  requested = [];
  const module = { exports: {} };
  const require = (name: string) => {
    requested.push(name);
    if (name !== 'electron') throw new Error(`module not found: ${name} (a sandboxed preload can only require electron)`);
    return electron;
  };
  runInNewContext(bundle, { require, module, exports: module.exports });
  api = electron.contextBridge.exposed.get('specvet') as SpecvetApi;
});

const BATCH = '7d3c4b2a-1f0e-4d5c-9b8a-0123456789ab';

describe('bundled preload', () => {
  it('requires nothing but electron and exposes one object, window.specvet', () => {
    expect(new Set(requested)).toEqual(new Set(['electron']));
    expect([...electron.contextBridge.exposed.keys()]).toEqual(['specvet']);
  });

  it('carries no zod: the method names come from the zod-free shared/apiMethods.ts', () => {
    expect(bundle).toContain('shared/apiMethods.ts');
    expect(bundle).not.toMatch(/node_modules\/zod\//);
  });

  it('exposes exactly the API methods of shared/api.ts, plus on()', () => {
    expect(Object.keys(api).sort()).toEqual([...API_METHODS, 'on'].sort());
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('carries a call to its handler and the result back', async () => {
    rec.answer.listItems = () => [{ obsid: 42 }];
    await expect(api.listItems({ batchId: BATCH })).resolves.toEqual([{ obsid: 42 }]);
    expect(rec.calls).toEqual([{ method: 'listItems', input: { batchId: BATCH } }]);
  });

  it('rejects a bad argument with {code: bad-input} and a message naming the field', async () => {
    await expect(api.listItems({ batchId: 'nope' })).rejects.toMatchObject({ name: 'ApiError', code: 'bad-input', message: expect.stringMatching(/batchId/) });
    expect(rec.calls).toEqual([]);
  });

  it('is refused when the page is not the app (navigated away, iframe)', async () => {
    electron.renderer.frame = { url: 'https://evil.example/', parent: null };
    await expect(api.status({})).rejects.toMatchObject({ code: 'auth' });
    expect(rec.calls).toEqual([]);
  });

  it('delivers events to subscribers until they unsubscribe, without the IPC event object', () => {
    const seen: unknown[][] = [];
    const off = api.on('menu', (...args: unknown[]) => seen.push(args));
    electron.ipcRenderer.emit('specvet:event:menu', { sender: electron.ipcRenderer }, { command: 'next' });
    off();
    electron.ipcRenderer.emit('specvet:event:menu', { sender: electron.ipcRenderer }, { command: 'previous' });
    expect(seen).toEqual([[{ command: 'next' }]]);
    expect(() => api.on('nonsense' as 'menu', () => {})).toThrow(/unknown event/);
    for (const event of API_EVENTS) api.on(event, () => {})();
  });
});
