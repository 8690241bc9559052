/**
 * ApiHandlers that record each call and answer with a canned value — the IPC wiring is
 * checked independently of which services sit behind it.
 */
import { API_METHODS, type ApiHandlers, type ApiMethod } from '../../shared/api';

export interface Recording {
  handlers: ApiHandlers;
  calls: Array<{ method: ApiMethod; input: unknown }>;
  /** What the next call of a method returns or throws. */
  answer: Partial<Record<ApiMethod, () => unknown>>;
}

export function recordingHandlers(): Recording {
  const rec: Recording = { handlers: {} as ApiHandlers, calls: [], answer: {} };
  const table = rec.handlers as unknown as Record<ApiMethod, (input: unknown) => Promise<unknown>>;
  for (const method of API_METHODS) {
    table[method] = async (input) => {
      rec.calls.push({ method, input });
      const answer = rec.answer[method];
      return answer ? answer() : { method };
    };
  }
  return rec;
}
