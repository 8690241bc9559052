/**
 * A spectrum not on the templates' log-λ grid (a linear grid, another log step) moved onto
 * it before the fit: flux conserved (each new pixel the mean flux density over its width, from
 * the old pixels' overlaps), ivar propagated, and the fit's models moved back onto the old
 * pixels so the review screen draws them over the spectrum as stored.
 */
import { logGrid, type FitInput } from './data';

/** The fit's input on the templates' grid, and how to bring a model back to the stored pixels. */
export interface OnGrid {
  input: FitInput;
  /** Identity when the spectrum was already on the grid. */
  back: (model: Float32Array) => Float32Array;
}

/** Far more pixels than any optical spectrograph at step 1e-4 (3600–10400 Å is 4600). */
const MAX_PIXELS = 100_000;

export function onLogGrid(input: FitInput, step: number): OnGrid | string {
  const grid = logGrid(input.wavelength, step);
  if (typeof grid === 'number') return { input, back: (m) => m };
  const n = input.wavelength.length;
  if (!(input.wavelength[0]! > 0)) return `cannot fit: wavelength 0 is ${input.wavelength[0]} Å`;
  for (let i = 1; i < n; i++) {
    if (!(input.wavelength[i]! > input.wavelength[i - 1]!)) {
      return `cannot fit: wavelengths must be positive and increasing (pixel ${i}: ${input.wavelength[i - 1]} then ${input.wavelength[i]} Å)`;
    }
  }
  const onGrid = resampleToLog(input, step);
  if (typeof onGrid === 'string') return onGrid;
  return { input: onGrid, back: (m) => interpolateBack(m, onGrid.wavelength, input.wavelength) };
}

/** Pixel edges in λ: midway between centres, the end pixels as wide as their neighbours. */
function edges(wavelength: ArrayLike<number>): Float64Array {
  const n = wavelength.length;
  const e = new Float64Array(n + 1);
  for (let i = 1; i < n; i++) e[i] = (wavelength[i - 1]! + wavelength[i]!) / 2;
  e[0] = wavelength[0]! - (e[1]! - wavelength[0]!);
  e[n] = wavelength[n - 1]! + (wavelength[n - 1]! - e[n - 1]!);
  return e;
}

/**
 * New pixels centred on log10 λ = j·step (whole multiples, so a template grid that starts on
 * one needs no interpolation), only those lying wholly inside the old pixels' span. A new
 * pixel touching an old pixel that is out (ivar ≤ 0, NaN, AND mask) is out too: a
 * partial mean would bias its flux. Neighbouring new pixels share old ones, so their noise
 * is correlated; like SDSS and LAMOST coadds, the ivar kept is the diagonal.
 */
export function resampleToLog(input: FitInput, step: number): { wavelength: Float64Array; flux: Float32Array; ivar: Float32Array; andMask: Int32Array } | string {
  const old = edges(input.wavelength);
  const n = input.wavelength.length;
  const jFirst = Math.ceil(Math.log10(old[0]!) / step + 0.5);
  const jLast = Math.floor(Math.log10(old[n]!) / step - 0.5);
  const count = jLast - jFirst + 1;
  if (count < 10) return `cannot fit: the spectrum spans fewer than 10 pixels of the templates' grid (log10 λ step ${step})`;
  if (count > MAX_PIXELS) return `cannot fit: the spectrum would need ${count} pixels on the templates' grid (log10 λ step ${step}; at most ${MAX_PIXELS})`;
  const wavelength = new Float64Array(count);
  const flux = new Float32Array(count);
  const ivar = new Float32Array(count);
  const andMask = new Int32Array(count);
  let i = 0;
  for (let k = 0; k < count; k++) {
    const j = jFirst + k;
    const lo = 10 ** ((j - 0.5) * step);
    const hi = 10 ** ((j + 0.5) * step);
    wavelength[k] = 10 ** (j * step);
    while (old[i + 1]! <= lo) i++;
    let sum = 0;
    let variance = 0;
    let bad = false;
    for (let t = i; t < n && old[t]! < hi; t++) {
      const overlap = Math.min(hi, old[t + 1]!) - Math.max(lo, old[t]!);
      if (overlap <= 0) continue;
      const f = input.flux[t]!;
      const iv = input.ivar[t]!;
      if (!(iv > 0) || !Number.isFinite(iv) || !Number.isFinite(f) || (input.andMask && input.andMask[t] !== 0)) {
        bad = true;
        break;
      }
      sum += f * overlap;
      variance += (overlap * overlap) / iv;
    }
    const width = hi - lo;
    flux[k] = bad ? 0 : sum / width;
    ivar[k] = bad || !(variance > 0) ? 0 : (width * width) / variance;
    andMask[k] = 0;
  }
  return { wavelength, flux, ivar, andMask };
}

/** A model on the log grid, linearly interpolated in log λ at the stored pixels (the end values beyond its half-pixel ends). */
function interpolateBack(model: Float32Array, from: Float64Array, to: ArrayLike<number>): Float32Array {
  const out = new Float32Array(to.length);
  const step = Math.log10(from[1]! / from[0]!);
  const l0 = Math.log10(from[0]!);
  for (let i = 0; i < to.length; i++) {
    const x = (Math.log10(to[i]!) - l0) / step;
    const j = Math.max(0, Math.min(from.length - 2, Math.floor(x)));
    const t = Math.max(0, Math.min(1, x - j));
    out[i] = model[j]! * (1 - t) + model[j + 1]! * t;
  }
  return out;
}
