/**
 * The fit shown for a spectrum, read in the key's own render: the assistant's state once it
 * names this spectrum, else a fit made ahead (candidate 0). Without the fallback each key
 * rendered "fitting…" and then, from useFit's effect, a second render of the panel — a
 * commit that took the answer's rows out and put them back, every key (seen in the trace).
 */
import type { FitResult } from '../../shared/fit';
import type { AssistantState, FitView } from './assistantState';
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
 * is shown. Selected as the model itself, fit made ahead included, so the review screen that
 * asks re-renders only when the model changes — not when useFit stores a fit the key's render
 * already showed, nor (the fit hidden) when any fit arrives: each was a second render of the
 * whole screen after every → key.
 */
export function useFitModel(obsid: number): Float32Array | null {
  return useAssistant((s) => fitModel(s, obsid));
}

/** The same model outside React: a → key draws the next spectrum before the screen renders (review/nextSpectrum.ts). */
export function fitModel(s: AssistantState, obsid: number): Float32Array | null {
  if (!s.showFit) return null;
  if (s.view?.obsid === obsid) return s.view.state === 'ready' ? modelOf(s.view.fit, s.candidate) : null;
  const made = fitter.ready(obsid);
  return made ? modelOf(made, 0) : null;
}

function modelOf(fit: FitResult, candidate: number): Float32Array | null {
  return fit.ok ? (fit.models[candidate] ?? fit.model) : null;
}
