/**
 * Server-Sent Events read with fetch() instead of EventSource, because EventSource cannot send
 * headers and every API request, the event stream included, must carry the secret as
 * `Authorization: Bearer`. (The alternative, a short-lived ticket in the stream's URL, would
 * be a second kind of credential, put it in a URL, and break EventSource's own reconnect, which
 * reuses the URL; so the reconnect would have to be ours anyway, as it is here.)
 * Same wire format as the server writes (src-main/web/eventStream.ts): `event:`, `data:`,
 * `retry:`, `:` comments, blocks ended by a blank line.
 */

export interface StreamEvent {
  data: string;
}

/** The part of EventSource the API client uses. */
export interface EventStream {
  addEventListener(event: string, listener: (e: StreamEvent) => void): void;
  close(): void;
}

type Outcome = 'dropped' | 'refused';

export function openEventStream(url: string, headers: Record<string, string>): EventStream {
  const listeners = new Map<string, Set<(e: StreamEvent) => void>>();
  const abort = new AbortController();
  const state = { retryMs: 1000 };
  const dispatch = (event: string, data: string) => {
    for (const l of listeners.get(event) ?? []) l({ data });
  };
  void (async () => {
    // Like EventSource: reconnect after a drop (server restarted, laptop slept), but not after
    // a refusal, which retrying cannot change (the API calls already show why).
    while (!abort.signal.aborted) {
      if ((await readStream(url, headers, abort.signal, dispatch, state)) === 'refused') return;
      await new Promise((r) => setTimeout(r, state.retryMs));
    }
  })();
  return {
    addEventListener(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
    },
    close: () => abort.abort(),
  };
}

async function readStream(
  url: string,
  headers: Record<string, string>,
  signal: AbortSignal,
  dispatch: (event: string, data: string) => void,
  state: { retryMs: number },
): Promise<Outcome> {
  try {
    const res = await fetch(url, { headers: { Accept: 'text/event-stream', ...headers }, signal, credentials: 'same-origin', cache: 'no-store' });
    if (res.status >= 400 && res.status < 500) return 'refused';
    if (!res.ok || !res.body) return 'dropped';
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return 'dropped';
      buffer = (buffer + value).replace(/\r\n?/g, '\n');
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        parseBlock(buffer.slice(0, end), dispatch, state);
        buffer = buffer.slice(end + 2);
      }
    }
  } catch {
    return 'dropped';
  }
}

/** One event block: its `event:` name (default "message"), `data:` lines joined by newlines. */
export function parseBlock(block: string, dispatch: (event: string, data: string) => void, state: { retryMs: number }): void {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'retry' && /^\d+$/.test(value)) state.retryMs = Number(value);
  }
  if (data.length > 0) dispatch(event, data.join('\n'));
}
