/** Building blocks of synthetic spectra: wavelength grids, Planck continua, Gaussian lines. */

/** LAMOST LRS grid: log10 λ = COEFF0 + i·COEFF1, 3909 pixels from 3700 Å to 9100 Å. */
export const COEFF0 = 3.5682;
export const COEFF1 = 1e-4;
export const LAMOST_PIXELS = 3909;
/** LAMOST resolving power R = λ/Δλ(FWHM) at 5500 Å. */
const RESOLUTION = 1800;
const C_KMS = 299_792.458;
/** hc/k in Å·K. */
const HC_K = 1.438_777e8;

/** Wavelengths as the files store them (float32), so decoding gives back exactly these values. */
export function lamostGrid(pixels = LAMOST_PIXELS): Float64Array {
  const wl = new Float64Array(pixels);
  for (let i = 0; i < pixels; i++) wl[i] = Math.fround(10 ** (COEFF0 + i * COEFF1));
  return wl;
}

/** Planck B_λ(T), normalised to 1 at 5500 Å. */
export function planck(lambda: number, teff: number): number {
  return planckRaw(lambda, teff) / planckRaw(5500, teff);
}

/** out[i] = Planck B_λ(T) at rest wavelength wl[i]/(1+z), normalised to 1 at 5500 Å (one pass, no pow). */
export function planckInto(wl: Float64Array, teff: number, z: number, out: Float64Array, weight = 1): void {
  const norm = weight / planckRaw(5500, teff);
  for (let i = 0; i < wl.length; i++) out[i]! += planckRaw(wl[i]! / (1 + z), teff) * norm;
}

function planckRaw(l: number, teff: number): number {
  const l2 = l * l;
  return 1 / (l2 * l2 * l * (Math.exp(HC_K / (l * teff)) - 1));
}

/** Gaussian σ in Å of a line at `lambda` with intrinsic velocity σ (km/s), instrument included. */
export function lineSigma(lambda: number, sigmaKms: number): number {
  const instrument = lambda / RESOLUTION / 2.3548;
  const intrinsic = (lambda * sigmaKms) / C_KMS;
  return Math.hypot(instrument, intrinsic);
}

/** First index with wl[i] ≥ x (binary search; the grid is increasing). */
export function lowerBound(wl: Float64Array, x: number): number {
  let lo = 0;
  let hi = wl.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (wl[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** out[i] += amp · exp(−½((λ−center)/σ)²), touching only pixels within ±5σ. */
export function addGaussian(wl: Float64Array, out: Float64Array, center: number, sigma: number, amp: number): void {
  const end = lowerBound(wl, center + 5 * sigma);
  for (let i = lowerBound(wl, center - 5 * sigma); i < end; i++) {
    const d = (wl[i]! - center) / sigma;
    out[i]! += amp * Math.exp(-0.5 * d * d);
  }
}

/** out[i] *= 1 − depth · exp(−½((λ−center)/σ)²): an absorption line on whatever is there. */
export function absorb(wl: Float64Array, out: Float64Array, center: number, sigma: number, depth: number): void {
  const end = lowerBound(wl, center + 5 * sigma);
  for (let i = lowerBound(wl, center - 5 * sigma); i < end; i++) {
    const d = (wl[i]! - center) / sigma;
    out[i]! *= 1 - depth * Math.exp(-0.5 * d * d);
  }
}

/** A noise-free model: the object's flux and the continuum under it (for NORMALIZATION). */
export interface Model {
  flux: Float64Array;
  continuum: Float64Array;
}
