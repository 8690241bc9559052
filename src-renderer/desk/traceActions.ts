/**
 * The trace screen's actions: open it (empty, or for the spectrum on screen in single mode),
 * trace what is typed, and go back to where it was opened from. A key that is not one, a
 * spectrum not found, a refusal or an offline server is one line; what was typed stays.
 */
import { traceKeyOf } from '../../shared/traceKey';
import { api } from '../api';
import { messageOf } from '../api/apiCallError';
import { openBatch } from '../review/actions';
import { closeDesk } from './deskActions';
import { getDesk, setDesk, type TraceView } from './deskState';

const setTrace = (patch: Partial<TraceView>) => setDesk({ trace: { ...getDesk().trace, ...patch } });

/** Opens the trace screen; with an obsid (single mode's `/`) it is traced at once. */
export function openTrace(from?: { obsid: number; batchId: string }): void {
  setDesk({ screen: 'trace', cursor: 0, failure: null, openCase: null, openProblem: null, entry: null, confirmCancel: null });
  if (!from) return setTrace({ fromBatch: null });
  setTrace({ text: String(from.obsid), at: '', story: null, fromBatch: from.batchId });
  void runTrace();
}

/** Traces the typed key, at the typed moment when there is one. */
export async function runTrace(): Promise<void> {
  const { text, at } = getDesk().trace;
  if (!text.trim()) return setDesk({ failure: 'type an obsid, a designation (J123456.78+123456.7) or a plan, spectrograph and fibre (PLAN 4 17)' });
  let key;
  try {
    key = traceKeyOf(text);
  } catch (err) {
    return setDesk({ failure: messageOf(err) });
  }
  setDesk({ loading: true });
  try {
    const story = await api.trace({ key, ...(at.trim() && { at: at.trim() }) });
    setTrace({ story });
    setDesk({ failure: null });
  } catch (err) {
    setTrace({ story: null });
    setDesk({ failure: messageOf(err) });
  } finally {
    setDesk({ loading: false });
  }
}

export function editTrace(patch: Partial<Pick<TraceView, 'text' | 'at'>>): void {
  setTrace(patch);
}

/** Esc: back to the batch the trace was opened from (at its bookmark, the same spectrum), else the batch list. */
export function leaveTrace(): void {
  const back = getDesk().trace.fromBatch;
  closeDesk();
  setTrace({ fromBatch: null });
  if (back) void openBatch(back);
}

/** Keys pressed outside the two boxes: `/` to the search box, Tab to the other one. */
export function focusTraceBox(which: 'search' | 'other'): void {
  const search = document.querySelector<HTMLInputElement>('input.trace-key');
  const at = document.querySelector<HTMLInputElement>('input.trace-at');
  (which === 'search' || document.activeElement === at ? search : at)?.focus();
}
