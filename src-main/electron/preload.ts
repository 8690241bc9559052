/**
 * The preload: exposes exactly one object to the page, `window.specvet`, and nothing of
 * Electron or Node. Sandboxed, so it is bundled to CommonJS (see scripts/build.mjs).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildSpecvetApi } from './bridge';

contextBridge.exposeInMainWorld('specvet', buildSpecvetApi(ipcRenderer));
