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
  /** LAMOST's fibre type from the header (Obj, Sky, FStd …); the spectrograph view marks Sky and FStd. */
  fibertype: string | null;
}

/** What the decode worker is asked (its answer: a PlotSpectrum, workerCalls.ts). */
export type DecodeRequest = { obsid: number; bytes: Uint8Array };
