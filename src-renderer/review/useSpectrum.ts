/**
 * The decoded spectrum for an obsid, with the neighbours decoded ahead; errors as readable text.
 * A spectrum already decoded is returned in the key's own render, so the chart draws it in the
 * same task as the key; the neighbours are asked for after the frame showing it is painted.
 */
import { useEffect, useState } from 'react';
import { decodeErrorText, decoder } from '../spectra/decoder';
import type { PlotSpectrum } from '../spectra/plotSpectrum';
import { afterPaint } from '../state/afterPaint';

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
  // How the last load this screen waited for ended: a re-render when it arrives, its error text.
  const [outcome, setOutcome] = useState<{ obsid: number; message: string | null } | null>(null);
  const [last, setLast] = useState<PlotSpectrum | null>(null);
  const ready = obsid === undefined ? undefined : decoder.ready(obsid);
  const shown = ready !== undefined;
  // React's "state from the previous render" pattern: kept to stay on screen while the next loads.
  if (ready && ready !== last) setLast(ready);

  useEffect(() => {
    if (obsid === undefined) return;
    let live = true;
    let cancel = () => {};
    // The neighbours are asked for once this spectrum is on screen: before, they would only
    // compete with it for the server, the decode worker and the main thread.
    const readAhead = () => {
      if (live) cancel = afterPaint(() => decoder.focus(obsids, index));
    };
    // What this render showed, not what the decoder holds now: one decoded in between (read
    // ahead, landing after the render looked) must still render again to be shown.
    if (shown) readAhead();
    else {
      decoder.get(obsid).then(
        () => live && (setOutcome({ obsid, message: null }), readAhead()),
        (err: unknown) => live && (setOutcome({ obsid, message: decodeErrorText(obsid, err) }), readAhead()),
      );
    }
    return () => {
      live = false;
      cancel();
    };
  }, [obsids, index, obsid, shown]);

  if (obsid === undefined) return { view: null, spectrum: null };
  if (ready) return { view: { state: 'ready', obsid, spectrum: ready }, spectrum: ready };
  if (outcome?.obsid === obsid && outcome.message !== null) return { view: { state: 'error', obsid, message: outcome.message }, spectrum: null };
  // Only while the decoder's window holds it: one let go of has handed its buffer on (decoder.ts).
  return { view: { state: 'loading', obsid }, spectrum: last && decoder.holds(last) ? last : null };
}
