/**
 * Fits the spectrum on screen (and the next ones ahead) and puts the result in the assistant's
 * state: a fit made ahead at once (no "fitting…" flash), else once the key's frame is painted —
 * the fit is never what that frame waits for.
 */
import { useEffect } from 'react';
import { afterPaint } from '../state/afterPaint';
import { fitErrorText, fitter } from './fitter';
import { useAssistant } from './assistantState';

export function useFit(obsids: readonly number[], index: number): void {
  const obsid = obsids[index];
  useEffect(() => {
    if (obsid === undefined) return;
    let live = true;
    const made = fitter.ready(obsid);
    if (made) useAssistant.setState({ view: { state: 'ready', obsid, fit: made }, candidate: 0 });
    const cancel = afterPaint(() => {
      if (!made) {
        useAssistant.setState({ view: { state: 'fitting', obsid }, candidate: 0 });
        fitter.get(obsid).then(
          (fit) => live && useAssistant.setState({ view: { state: 'ready', obsid, fit } }),
          (err: unknown) => live && useAssistant.setState({ view: { state: 'error', obsid, message: fitErrorText(obsid, err) } }),
        );
      }
      fitter.focus(obsids, index);
    });
    return () => {
      live = false;
      cancel();
    };
  }, [obsids, index, obsid]);
}
