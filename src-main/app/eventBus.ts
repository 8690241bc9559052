/**
 * The services' outgoing events (sync progress, status changes). Each host subscribes once
 * and forwards them: Electron to the window's webContents, the web host to its SSE clients.
 */
import type { ApiEvent, ApiEvents } from '../../shared/api';

export type EventListener<E extends ApiEvent> = (payload: ApiEvents[E]) => void;

export interface ApiEventBus {
  emit<E extends ApiEvent>(event: E, payload: ApiEvents[E]): void;
  /** Returns the function that unsubscribes. */
  on<E extends ApiEvent>(event: E, listener: EventListener<E>): () => void;
  /** Every event, for a host that forwards all of them. */
  onAny(listener: <E extends ApiEvent>(event: E, payload: ApiEvents[E]) => void): () => void;
}

type AnyListener = <E extends ApiEvent>(event: E, payload: ApiEvents[E]) => void;

export function createEventBus(): ApiEventBus {
  const byEvent = new Map<ApiEvent, Set<(p: unknown) => void>>();
  const any = new Set<AnyListener>();
  return {
    emit(event, payload) {
      // A listener that throws must not stop the others (one closed SSE socket, say).
      for (const l of byEvent.get(event) ?? []) safely(() => l(payload));
      for (const l of any) safely(() => l(event, payload));
    },
    on(event, listener) {
      let set = byEvent.get(event);
      if (!set) byEvent.set(event, (set = new Set()));
      const l = listener as (p: unknown) => void;
      set.add(l);
      return () => void set.delete(l);
    },
    onAny(listener) {
      any.add(listener);
      return () => void any.delete(listener);
    },
  };
}

function safely(fn: () => void): void {
  try {
    fn();
  } catch (err) {
    console.error(`specvet: event listener failed: ${(err as Error).message}`);
  }
}
