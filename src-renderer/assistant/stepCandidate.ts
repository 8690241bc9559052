/**
 * The assistant's keys: the fit on/off, and stepping its candidates, each of which becomes the
 * draft's class, subclass and z (saved only when the reviewer saves).
 */
import type { FitCandidate } from '../../shared/fit';
import { getState, setState } from '../state/store';
import { useAssistant } from './assistantState';

export function toggleFit(): void {
  useAssistant.setState((s) => ({ showFit: !s.showFit }));
}

export function stepCandidate(step: 1 | -1): void {
  const { view, candidate } = useAssistant.getState();
  const r = getState().review;
  if (!r || view?.state !== 'ready' || !view.fit.ok || view.obsid !== r.draft.obsid) return;
  const n = view.fit.candidates.length;
  // From the best (shown first), → goes to the second; wraps round both ways.
  const next = (candidate + step + n) % n;
  const c = view.fit.candidates[next]!;
  useAssistant.setState({ candidate: next, showFit: true });
  setState({ review: { ...r, draft: { ...r.draft, ...draftPatch(c) } } });
}

/** The draft's answer from a candidate: z to the verdict's 4 decimals' precision and more. */
export function draftPatch(c: FitCandidate): { class: FitCandidate['class']; subclass: string; z: number } {
  return { class: c.class, subclass: c.subclass ?? '', z: Math.round(c.z * 1e6) / 1e6 };
}
