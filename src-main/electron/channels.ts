/**
 * IPC channel names and the envelope every call returns, shared by ipc.ts (main) and
 * preload.ts (bundled into the sandboxed preload), so both ends spell them alike.
 */
import type { ApiErrorBody } from '../../shared/api';
import type { ApiEvent, ApiMethod } from '../../shared/apiMethods';

export const methodChannel = (method: ApiMethod): string => `specvet:${method}`;
export const eventChannel = (event: ApiEvent): string => `specvet:event:${event}`;

/** Errors travel as data: a thrown Error would lose its code crossing the IPC boundary. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };
