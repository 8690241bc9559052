/**
 * Builds `window.specvet` (SpecvetApi) over ipcRenderer. Runs in the sandboxed preload, so
 * it is bundled with everything it imports into one CommonJS file (scripts/build.mjs).
 */
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { ApiErrorBody, SpecvetApi } from '../../shared/api';
// The names from the zod-free list: any value from shared/api.ts would bundle zod into the preload.
import { API_METHODS, isApiEvent, type ApiEvent } from '../../shared/apiMethods';
import { eventChannel, methodChannel, type IpcResult } from './channels';

type IpcSide = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

/**
 * What a failed call rejects with. A plain object, not an Error: contextBridge copies an
 * Error's message only, and the renderer needs the code to act on (e.g. 'auth' → sign in).
 */
export interface BridgeError extends ApiErrorBody {
  name: 'ApiError';
}

export function buildSpecvetApi(ipc: IpcSide): SpecvetApi {
  const api: Record<string, unknown> = {};
  for (const method of API_METHODS) {
    const channel = methodChannel(method);
    api[method] = async (input: unknown) => {
      const result = (await ipc.invoke(channel, input)) as IpcResult<unknown>;
      if (result.ok) return result.value;
      const error: BridgeError = { name: 'ApiError', code: result.error.code, message: result.error.message };
      return Promise.reject(error);
    };
  }
  api.on = (event: ApiEvent, listener: (payload: unknown) => void) => {
    if (!isApiEvent(event)) throw new Error(`specvet.on: unknown event "${String(event)}"`);
    // The IpcRendererEvent (which holds ipcRenderer itself) never reaches the page.
    const forward = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
    const channel = eventChannel(event);
    ipc.on(channel, forward);
    return () => void ipc.removeListener(channel, forward);
  };
  return Object.freeze(api) as unknown as SpecvetApi;
}
