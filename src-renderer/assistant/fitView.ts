/**
 * The fit shown for a spectrum, read in the key's own render: the assistant's state once it
 * names this spectrum, else a fit made ahead (candidate 0). Without the fallback each key
 * rendered "fitting…" and then, from useFit's effect, a second render of the panel — a
 * commit that took the answer's rows out and put them back, every key (seen in the trace).
 */
import type { FitView } from './assistantState';
import { useAssistant } from './assistantState';
import { fitter } from './fitter';

export function useFitView(obsid: number): { view: FitView | null; candidate: number } {
  const view = useAssistant((s) => s.view);
  const candidate = useAssistant((s) => s.candidate);
  if (view?.obsid === obsid) return { view, candidate };
  const made = fitter.ready(obsid);
  return { view: made ? { state: 'ready', obsid, fit: made } : view, candidate: 0 };
}

/**
 * The model to draw over the flux: the candidate's on screen, for this spectrum, while the fit
 * is shown. Selected as the model itself, so the review screen that asks re-renders only when
 * the model changes — not when useFit stores a fit the key's render already showed.
 */
export function useFitModel(obsid: number): Float32Array | null {
  const showFit = useAssistant((s) => s.showFit);
  const stored = useAssistant((s) => (s.view?.obsid === obsid ? modelOf(s.view, s.candidate) : undefined));
  if (!showFit) return null;
  if (stored !== undefined) return stored;
  const made = fitter.ready(obsid);
  return made ? modelOf({ state: 'ready', obsid, fit: made }, 0) : null;
}

function modelOf(view: FitView, candidate: number): Float32Array | null {
  if (view.state !== 'ready' || !view.fit.ok) return null;
  return view.fit.models[candidate] ?? view.fit.model;
}
