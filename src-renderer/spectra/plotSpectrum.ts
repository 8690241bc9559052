/** A decoded spectrum as the chart needs it: typed arrays handed over from the worker. */
export interface PlotSpectrum {
  obsid: number;
  /** Vacuum wavelength, Å, increasing. */
  wavelength: Float64Array;
  flux: Float32Array;
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

export type DecodeRequest = { id: number; obsid: number; bytes: Uint8Array };
export type DecodeReply =
  | { id: number; ok: true; spectrum: PlotSpectrum; ms: number }
  | { id: number; ok: false; message: string };
