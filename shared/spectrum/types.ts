/**
 * A decoded 1D spectrum, as the renderer draws it and the CLI prints it. The decoder puts
 * its arrays in one buffer (./arrays.ts); transferList gives a Web Worker what to hand over.
 */
export type SpectrumLayout = 'lamost-image' | 'lamost-coadd' | 'sdss-spec';

export interface SpectrumSnr {
  u: number | null;
  g: number | null;
  r: number | null;
  i: number | null;
  z: number | null;
}

/** What the file's headers say about the spectrum; null where a key is absent. */
export interface SpectrumMeta {
  obsid: number | null;
  designation: string | null;
  /** YYYY-MM-DD. */
  obsdate: string | null;
  lmjd: number | null;
  planid: string | null;
  spid: number | null;
  fiberid: number | null;
  ra: number | null;
  dec: number | null;
  class: string | null;
  subclass: string | null;
  z: number | null;
  zErr: number | null;
  snr: SpectrumSnr;
  /** LAMOST's fibre type: Obj, Sky, FStd (flux standard), …; null where the file does not say. */
  fibertype: string | null;
}

export interface Spectrum {
  layout: SpectrumLayout;
  /** The name the caller gave (used in error messages), or '(unnamed)'. */
  fileName: string;
  meta: SpectrumMeta;
  /** Vacuum wavelength in Å, as stored in the file (not recomputed from COEFF0/COEFF1). */
  wavelength: Float64Array;
  /** NaN where the file holds NaN or ±Infinity (drawn as a gap). */
  flux: Float32Array;
  /** Inverse variance; 0 means "no information" (masked). */
  ivar: Float32Array;
  andMask: Int32Array;
  orMask: Int32Array;
}

/**
 * The buffers behind a spectrum's arrays, each once (postMessage refuses a buffer listed
 * twice), for `postMessage(spectrum, transferList(spectrum))`.
 */
export function transferList(s: Spectrum): ArrayBuffer[] {
  return [...new Set([s.wavelength, s.flux, s.ivar, s.andMask, s.orMask].map((a) => a.buffer as ArrayBuffer))];
}
