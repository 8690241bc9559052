/**
 * The one place the renderer gets its API: the preload's window.specvet in Electron, the HTTP
 * client in a browser. Nothing else in the renderer knows which host it runs under.
 */
import type { SpecvetApi } from '../../shared/api';
import { fromBridge } from './bridgeClient';
import { createHttpApi } from './httpClient';

declare global {
  interface Window {
    specvet?: SpecvetApi;
  }
}

export const api: SpecvetApi = window.specvet ? fromBridge(window.specvet) : createHttpApi();
