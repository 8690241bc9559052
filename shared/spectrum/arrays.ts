/**
 * The five arrays of a spectrum as views of one ArrayBuffer. One allocation per decode
 * instead of five: typed-array allocation was a fifth of the decoder's parse time, and a
 * Web Worker hands the whole spectrum over as a single transferable.
 */
import type { Spectrum } from './types';

export type SpectrumArrays = Pick<Spectrum, 'wavelength' | 'flux' | 'ivar' | 'andMask' | 'orMask'>;

/** Bytes a spectrum of `n` pixels takes in one buffer. */
export const spectrumBytes = (n: number) => n * (8 + 4 + 4 + 4 + 4);

/** Zero-filled arrays of `n` values each; float64 first, so every view is aligned. */
export function allocSpectrumArrays(n: number): SpectrumArrays {
  return spectrumArraysIn(new ArrayBuffer(spectrumBytes(n)), n);
}

/** The five arrays of `n` values as views of `buffer` (at least spectrumBytes(n) long), from its start. */
export function spectrumArraysIn(buffer: ArrayBuffer, n: number): SpectrumArrays {
  return {
    wavelength: new Float64Array(buffer, 0, n),
    flux: new Float32Array(buffer, 8 * n, n),
    ivar: new Float32Array(buffer, 12 * n, n),
    andMask: new Int32Array(buffer, 16 * n, n),
    orMask: new Int32Array(buffer, 20 * n, n),
  };
}
