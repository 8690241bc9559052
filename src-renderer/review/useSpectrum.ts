/** The decoded spectrum for an obsid, with the neighbours decoded ahead; errors as readable text. */
import { useEffect, useState } from 'react';
import { decodeErrorText, decoder } from '../spectra/decoder';
import type { PlotSpectrum } from '../spectra/plotSpectrum';

export type SpectrumView =
  | { state: 'loading'; obsid: number }
  | { state: 'ready'; obsid: number; spectrum: PlotSpectrum }
  | { state: 'error'; obsid: number; message: string };

export interface ShownSpectrum {
  view: SpectrumView | null;
  /** What the chart should hold: the new spectrum, or while it loads the previous one (no blank flash). */
  spectrum: PlotSpectrum | null;
}

export function useSpectrum(obsids: readonly number[], index: number): ShownSpectrum {
  const obsid = obsids[index];
  const [settled, setSettled] = useState<{ view: SpectrumView; last: PlotSpectrum | null } | null>(null);

  useEffect(() => {
    if (obsid === undefined) return;
    let live = true;
    decoder.get(obsid).then(
      (spectrum) => live && setSettled({ view: { state: 'ready', obsid, spectrum }, last: spectrum }),
      (err: unknown) => live && setSettled({ view: { state: 'error', obsid, message: decodeErrorText(obsid, err) }, last: null }),
    );
    // After the current one is asked for, so it is decoded first.
    decoder.focus(obsids, index);
    return () => {
      live = false;
    };
  }, [obsids, index, obsid]);

  if (obsid === undefined) return { view: null, spectrum: null };
  if (settled && settled.view.obsid === obsid) return { view: settled.view, spectrum: settled.last };
  return { view: { state: 'loading', obsid }, spectrum: settled?.last ?? null };
}
