/**
 * The web edition's API client: the same SpecvetApi type as Electron's window.specvet, over
 * POST /api/<method> and Server-Sent Events at /api/events, each carrying the server's secret
 * as `Authorization: Bearer` (webSecret.ts gets it, eventStream.ts explains the events). Only
 * types come from shared/api.ts, so the schemas (zod) stay out of the renderer bundle; the
 * method names come from the zod-free shared/apiMethods.ts.
 */
import type { ApiErrorBody, ApiErrorCode, ApiEvents, SpecvetApi } from '../../shared/api';
import { API_METHODS, type ApiEvent, type ApiMethod } from '../../shared/apiMethods';
import { ApiCallError } from './apiCallError';
import { saveAttachment } from './download';
import { openEventStream, type EventStream } from './eventStream';

/** `secret` null: calls go out without it, and the server's 401 says which URL to open. */
export function createHttpApi(base = 'api/', secret: string | null = null): SpecvetApi {
  const auth: Record<string, string> = secret ? { Authorization: `Bearer ${secret}` } : {};
  const api = { on: subscriber(base, auth) } as Partial<SpecvetApi> & Pick<SpecvetApi, 'on'>;
  const target = api as Record<string, unknown>;
  for (const m of API_METHODS) target[m] = (input: unknown) => call(base, m, input, auth);
  return api as SpecvetApi;
}

async function call(base: string, method: ApiMethod, input: unknown, auth: Record<string, string>): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(base + method, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...auth },
      body: JSON.stringify(input ?? {}),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiCallError('offline', `${method}: the SpecVet server does not answer; is specvet serve still running?`);
  }
  if (!res.ok) throw await errorOf(method, res);
  // The export comes as a download: the browser saves it; the answer is its name and row count.
  if (/^attachment\b/.test(res.headers.get('Content-Disposition') ?? '')) {
    return { file: await saveAttachment(res), rows: Number(res.headers.get('X-SpecVet-Rows') ?? 0) };
  }
  // Binary methods (readSpectrum) come as raw bytes; everything else as JSON.
  if (res.headers.get('Content-Type')?.startsWith('application/octet-stream')) {
    return new Uint8Array(await res.arrayBuffer());
  }
  return res.json();
}

async function errorOf(method: string, res: Response): Promise<ApiCallError> {
  const body = (await res.json().catch(() => null)) as Partial<ApiErrorBody> | null;
  const code: ApiErrorCode = body?.code ?? (res.status >= 500 ? 'internal' : 'bad-input');
  return new ApiCallError(code, body?.message ?? `${method}: the server answered HTTP ${res.status}`);
}

/** One event stream shared by every listener; opened on first use. */
function subscriber(base: string, auth: Record<string, string>): SpecvetApi['on'] {
  let source: EventStream | null = null;
  const attached = new Set<string>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  return <E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void) => {
    source ??= openEventStream(base + 'events', auth);
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    const l = listener as (payload: unknown) => void;
    set.add(l);
    if (!attached.has(event)) {
      attached.add(event);
      source.addEventListener(event, (e) => {
        const payload = JSON.parse(e.data) as unknown;
        for (const fn of listeners.get(event) ?? []) fn(payload);
      });
    }
    return () => void set.delete(l);
  };
}
