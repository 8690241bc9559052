/** Under the chart while the fit is shown: the χ²(z) strip of the spectrum on screen. */
import { useAssistant } from './assistantState';
import { Chi2Strip } from './Chi2Strip';
import { useFitView } from './fitView';

export function FitStripArea({ obsid, z }: { obsid: number; z: number }) {
  const showFit = useAssistant((s) => s.showFit);
  const { view, candidate } = useFitView(obsid);
  if (!showFit || view?.state !== 'ready' || !view.fit.ok) return null;
  return <Chi2Strip fit={view.fit} candidate={candidate} z={z} />;
}
