/**
 * A → or ← key's next spectrum, drawn from the store change itself, before React renders the
 * screen around it (as draftZ.ts does for a z key's markers): the key's measured work ends with
 * the chart drawn, and the header, side panel and fit panel that React then renders in the same
 * task still change in the same frame. A spectrum not decoded yet is left to the chart's own
 * effects (useSpectrum.ts: "loading…", then the spectrum).
 */
import { LINES_BY_CLASS } from '../../shared/lines';
import { useAssistant } from '../assistant/assistantState';
import { fitModel } from '../assistant/fitView';
import { decoder } from '../spectra/decoder';
import type { PlotSpectrum } from '../spectra/plotSpectrum';
import { useApp, type AppState, type Draft } from '../state/store';
import type { MarkerLine } from './lineOverlay';

/** What the chart shows with a spectrum that depends on the spectrum: one source for the screen's props and for the key's early draw. */
export interface SpectrumInputs {
  z: number;
  /** The rest frame of this z on the axis; null: observed. */
  restZ: number | null;
  lines: readonly MarkerLine[];
  /** The feature clicked on this spectrum, observed Å; null when none. */
  feature: number | null;
}

export interface NextSpectrum extends SpectrumInputs {
  spectrum: PlotSpectrum;
  model: Float32Array | null;
}

export function spectrumInputs(s: Pick<AppState, 'restFrame' | 'feature'>, obsid: number, draft: Pick<Draft, 'z' | 'class'>): SpectrumInputs {
  return {
    z: draft.z,
    restZ: s.restFrame ? draft.z : null,
    lines: LINES_BY_CLASS[draft.class],
    feature: s.feature?.obsid === obsid ? s.feature.wavelength : null,
  };
}

/** Calls `show` with each new spectrum of the open batch that is decoded already; returns the unsubscribe. */
export function followSpectrum(show: (next: NextSpectrum) => void): () => void {
  return useApp.subscribe((s, prev) => {
    const r = s.review;
    const p = prev.review;
    if (!r || !p || r.batch.id !== p.batch.id || r.draft.obsid === p.draft.obsid) return;
    const obsid = r.items[r.index]?.obsid;
    const spectrum = obsid === undefined || obsid !== r.draft.obsid ? undefined : decoder.ready(obsid);
    if (!spectrum) return;
    show({ ...spectrumInputs(s, obsid!, r.draft), spectrum, model: fitModel(useAssistant.getState(), obsid!) });
  });
}
