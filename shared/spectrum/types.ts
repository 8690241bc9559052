/**
 * A decoded 1D spectrum, as the renderer draws it and the CLI prints it. Arrays are typed
 * and each owns its buffer, so a Web Worker can hand them over as transferables.
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

/** The arrays of a spectrum, for `postMessage(spectrum, transferList(spectrum))`. */
export function transferList(s: Spectrum): ArrayBuffer[] {
  return [s.wavelength, s.flux, s.ivar, s.andMask, s.orMask].map((a) => a.buffer as ArrayBuffer);
}
