/** Under the chart while the fit is shown: the χ²(z) strip of the spectrum on screen. */
import { useAssistant } from './assistantState';
import { Chi2Strip } from './Chi2Strip';

export function FitStripArea({ obsid, z }: { obsid: number; z: number }) {
  const showFit = useAssistant((s) => s.showFit);
  const view = useAssistant((s) => s.view);
  const candidate = useAssistant((s) => s.candidate);
  if (!showFit || view?.obsid !== obsid || view.state !== 'ready' || !view.fit.ok) return null;
  return <Chi2Strip fit={view.fit} candidate={candidate} z={z} />;
}

/** The model to draw over the flux: the candidate's on screen, for this spectrum, while the fit is shown. */
export function useFitModel(obsid: number): Float32Array | null {
  const showFit = useAssistant((s) => s.showFit);
  const view = useAssistant((s) => s.view);
  const candidate = useAssistant((s) => s.candidate);
  if (!showFit || view?.obsid !== obsid || view.state !== 'ready' || !view.fit.ok) return null;
  return view.fit.models[candidate] ?? view.fit.model;
}
