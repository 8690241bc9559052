/**
 * Fits the spectrum on screen (and the next ones ahead) and puts the result in the assistant's
 * state: a fit made ahead at once (no "fitting…" flash), else once the spectrum is on screen,
 * that frame painted and the reviewer still there a moment later — the fit (its ~3 MB of
 * templates on the first one) is never what the reviewer's next frame or first spectrum waits for.
 */
import { useEffect } from 'react';
import { decoder } from '../spectra/decoder';
import { afterPaint } from '../state/afterPaint';
import { fitErrorText, fitter } from './fitter';
import { useAssistant } from './assistantState';

/**
 * How long a spectrum stays on screen before its fit and the fits ahead are asked for. Paging
 * faster than the fits (~40 ms each), every fit made would be for a spectrum already left —
 * none of them seen, each one's copies and answer (~250 kB) garbage for the page to collect,
 * and the fit worker competing for the cores; at reading speed the fits ahead are ready anyway.
 */
const DWELL_MS = 150;

export function useFit(obsids: readonly number[], index: number): void {
  const obsid = obsids[index];
  useEffect(() => {
    if (obsid === undefined) return;
    let live = true;
    const made = fitter.ready(obsid);
    if (made) useAssistant.setState({ view: { state: 'ready', obsid, fit: made }, candidate: 0 });
    const fit = () => {
      if (!made) {
        useAssistant.setState({ view: { state: 'fitting', obsid }, candidate: 0 });
        fitter.get(obsid).then(
          (f) => live && useAssistant.setState({ view: { state: 'ready', obsid, fit: f } }),
          (err: unknown) => live && useAssistant.setState({ view: { state: 'error', obsid, message: fitErrorText(obsid, err) } }),
        );
      }
      fitter.focus(obsids, index);
    };
    let cancel = () => {};
    // Decoded or failed, either way the spectrum's own frame comes first.
    void decoder
      .get(obsid)
      .catch(() => undefined)
      .then(() => live && (cancel = afterPaint(fit, DWELL_MS)));
    return () => {
      live = false;
      cancel();
    };
  }, [obsids, index, obsid]);
}
