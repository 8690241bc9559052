/**
 * Builds `window.specvet` (SpecvetApi) over ipcRenderer. Runs in the sandboxed preload, so
 * it is bundled with everything it imports into one CommonJS file (scripts/build.mjs).
 */
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { ApiErrorBody, ApiEvent, ApiMethod, SpecvetApi } from '../../shared/api';
import { eventChannel, methodChannel, type IpcResult } from './channels';

// The names only, imported as types: importing API_METHODS would bundle zod and every schema
// into the preload (~750 kB) for two lists of strings. The compiler checks these lists are
// complete (below); test/electron/preload.test.ts checks them against API_METHODS/API_EVENTS.
const METHODS = [
  'status',
  'listBatches',
  'listItems',
  'readSpectrum',
  'saveVerdict',
  'undoVerdict',
  'setBookmark',
  'reportProblem',
  'sync',
  'signIn',
  'signOut',
] as const satisfies readonly ApiMethod[];
const EVENTS = ['syncProgress', 'statusChanged', 'menu'] as const satisfies readonly ApiEvent[];

type Missing<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : { missing: Exclude<All, Listed> };
const methodsComplete: Missing<ApiMethod, (typeof METHODS)[number]> = true;
const eventsComplete: Missing<ApiEvent, (typeof EVENTS)[number]> = true;
void methodsComplete;
void eventsComplete;
const KNOWN_EVENTS: readonly string[] = EVENTS;

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
  for (const method of METHODS) {
    const channel = methodChannel(method);
    api[method] = async (input: unknown) => {
      const result = (await ipc.invoke(channel, input)) as IpcResult<unknown>;
      if (result.ok) return result.value;
      const error: BridgeError = { name: 'ApiError', code: result.error.code, message: result.error.message };
      return Promise.reject(error);
    };
  }
  api.on = (event: ApiEvent, listener: (payload: unknown) => void) => {
    if (!KNOWN_EVENTS.includes(event)) throw new Error(`specvet.on: unknown event "${String(event)}"`);
    // The IpcRendererEvent (which holds ipcRenderer itself) never reaches the page.
    const forward = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
    const channel = eventChannel(event);
    ipc.on(channel, forward);
    return () => void ipc.removeListener(channel, forward);
  };
  return Object.freeze(api) as unknown as SpecvetApi;
}
