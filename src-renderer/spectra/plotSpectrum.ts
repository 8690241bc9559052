import { spectrumArraysIn, spectrumBytes } from '../../shared/spectrum/arrays';

/** A decoded spectrum as the chart needs it: typed arrays handed over from the worker. */
export interface PlotSpectrum {
  obsid: number;
  /** Vacuum wavelength, Å, increasing. */
  wavelength: Float64Array;
  flux: Float32Array;
  /** Inverse variance (0: no information) and the and-mask, as decoded: what the assistant's fit reads. */
  ivar: Float32Array;
  andMask: Int32Array;
  /** 1σ error from the inverse variance (NaN where ivar is 0); null when the file has no ivar. */
  sigma: Float32Array | null;
  /** The or-mask per pixel (a bad pixel in any exposure is ≠ 0); shaded on the chart. */
  orMask: Int32Array;
  /** Flux range without the worst outliers (0.5 … 99.5 percentile), so a cosmic ray does not flatten the plot. */
  yMin: number;
  yMax: number;
  /** LAMOST's fibre type from the header (Obj, Sky, FStd …); null where the file does not say. */
  fibertype: string | null;
}

/**
 * What the decode worker is asked (its answer: a PlotSpectrum, workerCalls.ts). `spare`: the
 * buffer of a spectrum the page let go of, transferred, for the answer to come back in.
 */
export type DecodeRequest = { obsid: number; bytes: Uint8Array; spare?: ArrayBuffer | null };

export type PlotArrays = Pick<PlotSpectrum, 'wavelength' | 'flux' | 'ivar' | 'andMask' | 'orMask'> & { sigma: Float32Array };

/** Bytes per pixel of a spectrum's one buffer: the decoded arrays (shared/spectrum/arrays.ts), then σ. */
const PIXEL_BYTES = spectrumBytes(1) + 4;
/** New buffers are made for a multiple of this many pixels, so one fits the next spectrum of a similar length. */
const PIXELS_STEP = 512;

/** The arrays of an `n`-pixel spectrum as views of one buffer: `spare` when it is large enough, else a new one. */
export function plotArraysIn(n: number, spare: ArrayBuffer | null = null): PlotArrays {
  const buffer = spare && spare.byteLength >= n * PIXEL_BYTES ? spare : new ArrayBuffer(Math.ceil(n / PIXELS_STEP) * PIXELS_STEP * PIXEL_BYTES);
  return { ...spectrumArraysIn(buffer, n), sigma: new Float32Array(buffer, spectrumBytes(n), n) };
}
