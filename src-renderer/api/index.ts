/**
 * The one place the renderer gets its API: the preload's window.specvet in Electron, the HTTP
 * client in a browser. Nothing else in the renderer knows which host it runs under.
 */
import type { SpecvetApi } from '../../shared/api';
import { fromBridge } from './bridgeClient';
import { createHttpApi } from './httpClient';
import { takeWebSecret } from './webSecret';

declare global {
  interface Window {
    specvet?: SpecvetApi;
  }
}

// Evaluated on load, before anything renders: the secret leaves the address bar at once.
export const api: SpecvetApi = window.specvet ? fromBridge(window.specvet) : createHttpApi('api/', takeWebSecret());
