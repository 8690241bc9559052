/** The notice bar's two voices, and the wrapper that turns any failure of an action into one. */
import { messageOf } from '../api/apiCallError';
import { setState } from '../state/store';

export function showError(err: unknown): void {
  setState({ notice: { kind: 'error', text: messageOf(err) } });
}

export function showInfo(text: string): void {
  setState({ notice: { kind: 'info', text } });
}

export function guarded<A extends unknown[]>(fn: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return (...args) => fn(...args).catch(showError);
}
