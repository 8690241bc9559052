/**
 * Electron's preload rejects a failed call with a plain {name:'ApiError', code, message}
 * object (contextBridge would strip an Error down to its message and lose the code). This
 * turns those back into ApiCallError, so the rest of the renderer sees the same errors under
 * both hosts.
 */
import type { ApiErrorCode, SpecvetApi } from '../../shared/api';
import { ApiCallError } from './apiCallError';

const CODES: readonly ApiErrorCode[] = ['bad-input', 'not-found', 'offline', 'auth', 'conflict', 'internal'];

export function toCallError(err: unknown): unknown {
  if (typeof err !== 'object' || err === null || err instanceof Error) return err;
  const { code, message } = err as { code?: unknown; message?: unknown };
  const known = CODES.includes(code as ApiErrorCode) ? (code as ApiErrorCode) : 'internal';
  return new ApiCallError(known, typeof message === 'string' ? message : 'the app failed without saying why');
}

export function fromBridge(bridge: SpecvetApi): SpecvetApi {
  const wrapped: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(bridge)) {
    wrapped[name] =
      name === 'on'
        ? fn
        : (input: unknown) => (fn as (i: unknown) => Promise<unknown>)(input).catch((err: unknown) => Promise.reject(toCallError(err)));
  }
  return wrapped as unknown as SpecvetApi;
}
