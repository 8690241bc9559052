/**
 * Wires every method of the API contract to ipcMain. Each call: the sender must be the app's
 * own page (origin app://specvet, main frame); the argument is validated with the method's
 * schema from shared/api.ts; the handler runs; the result or the error comes back as data.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import {
  API_METHODS,
  parseInput,
  type ApiEvent,
  type ApiEvents,
  type ApiHandlers,
  type ApiMethod,
} from '../../shared/api';
import { toApiError } from '../app/apiErrors';
import { eventChannel, methodChannel, type IpcResult } from './channels';
import { isAppUrl } from './guards';

/** Registers one handler per API method; returns the function that removes them all. */
export function registerApiHandlers(ipc: IpcMain, handlers: ApiHandlers): () => void {
  for (const method of API_METHODS) {
    ipc.handle(methodChannel(method), (event, raw: unknown) => dispatch(handlers, method, event, raw));
  }
  return () => {
    for (const method of API_METHODS) ipc.removeHandler(methodChannel(method));
  };
}

async function dispatch(
  handlers: ApiHandlers,
  method: ApiMethod,
  event: IpcMainInvokeEvent,
  raw: unknown,
): Promise<IpcResult<unknown>> {
  if (!isTrustedSender(event)) {
    return { ok: false, error: { code: 'auth', message: `${method}: refused, the call did not come from SpecVet's own page` } };
  }
  try {
    const input = parseInput(method, raw);
    // The handler for `method` takes exactly what parseInput(method) returns; TypeScript cannot
    // correlate the two through the union of methods, hence the widening.
    const handler = handlers[method] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(input) };
  } catch (err) {
    const { code, message } = toApiError(err);
    if (code === 'internal') console.error(`specvet: ${method} failed:`, err);
    return { ok: false, error: { code, message } };
  }
}

/**
 * Only the app's own document in the window's main frame may call: not an iframe (there should
 * be none, but a frame's origin is not ours to trust) and not a page that got in by navigation.
 */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

/** Forwards a service event to the renderer, if the window is still there. */
export function sendApiEvent<E extends ApiEvent>(
  contents: WebContents | null,
  event: E,
  payload: ApiEvents[E],
): void {
  if (!contents || contents.isDestroyed()) return;
  contents.send(eventChannel(event), payload);
}
