/**
 * A spectrum made ready for the fit: weights (ivar with masked, NaN and flagged pixels at 0),
 * the log-λ grid it sits on, and the polynomial basis. Everything the χ² needs from the data
 * alone is computed here once, whatever the number of templates.
 */

export interface FitInput {
  /** Vacuum wavelength in Å, log-uniform (LAMOST LRS and SDSS: step 1e-4 in log10 λ). */
  wavelength: ArrayLike<number>;
  flux: ArrayLike<number>;
  ivar: ArrayLike<number>;
  /** Pixels with a non-zero AND mask are left out (bad in every exposure). */
  andMask?: ArrayLike<number>;
}

/** Polynomial terms beside the templates: the flux calibration's large-scale errors. */
export const POLY_TERMS = 3;

export interface FitData {
  n: number;
  /** log10 λ of pixel 0 and the step, both as fitted to the stored wavelengths. */
  logLam0: number;
  step: number;
  /** ivar, 0 where a pixel is out. */
  w: Float64Array;
  /** w·f, w·P1, w·P2 (w·P0 is w itself). */
  wf: Float64Array;
  wP: Float64Array[];
  /** Σ w f², and the polynomial block of the normal equations (constant over z). */
  sumWff: number;
  polyA: Float64Array;
  polyB: Float64Array;
  /** χ² of the polynomial alone: what a template must beat to count. */
  polyChi2: number;
  /** First and last pixel with weight. */
  first: number;
  last: number;
  used: number;
}

/** Legendre P0..P2 of x = pixel scaled to [−1, 1] (pixel ∝ log λ): well conditioned, cheap. */
export function polyBasis(n: number): Float64Array[] {
  const out = [new Float64Array(n).fill(1), new Float64Array(n), new Float64Array(n)];
  for (let i = 0; i < n; i++) {
    const x = n > 1 ? (2 * i) / (n - 1) - 1 : 0;
    out[1]![i] = x;
    out[2]![i] = (3 * x * x - 1) / 2;
  }
  return out;
}

/** How far (in pixels) the stored wavelengths may stray from a log-uniform grid. */
const GRID_TOLERANCE = 0.05;

/** The data ready for the fit, or the reason it cannot be fitted (one sentence). */
export function prepareData(input: FitInput, step: number): FitData | string {
  const n = input.flux.length;
  if (n < 10 || input.wavelength.length !== n || input.ivar.length !== n) return `cannot fit: ${n} pixels, or flux, ivar and wavelength of different lengths`;
  const grid = logGrid(input.wavelength, step);
  if (typeof grid === 'string') return grid;
  const w = new Float64Array(n);
  let used = 0;
  let first = -1;
  let last = -1;
  for (let i = 0; i < n; i++) {
    const iv = input.ivar[i]!;
    const f = input.flux[i]!;
    if (!(iv > 0) || !Number.isFinite(iv) || !Number.isFinite(f) || (input.andMask && input.andMask[i] !== 0)) continue;
    w[i] = iv;
    used++;
    if (first < 0) first = i;
    last = i;
  }
  if (used < 10 * POLY_TERMS) return `cannot fit: only ${used} usable pixels (ivar > 0, finite flux, no AND mask)`;
  return { n, logLam0: grid, step, w, first, last, used, ...dataTerms(input.flux, w) };
}

function dataTerms(flux: ArrayLike<number>, w: Float64Array) {
  const n = w.length;
  const P = polyBasis(n);
  const wf = new Float64Array(n);
  const wP = P.map(() => new Float64Array(n));
  const polyA = new Float64Array(POLY_TERMS * POLY_TERMS);
  const polyB = new Float64Array(POLY_TERMS);
  let sumWff = 0;
  for (let i = 0; i < n; i++) {
    const wi = w[i]!;
    if (wi === 0) continue;
    const f = flux[i]!;
    wf[i] = wi * f;
    sumWff += wi * f * f;
    for (let p = 0; p < POLY_TERMS; p++) {
      wP[p]![i] = wi * P[p]![i]!;
      polyB[p] = polyB[p]! + wi * f * P[p]![i]!;
      for (let q = 0; q < POLY_TERMS; q++) polyA[p * POLY_TERMS + q] = polyA[p * POLY_TERMS + q]! + wi * P[p]![i]! * P[q]![i]!;
    }
  }
  const polyChi2 = sumWff - explained(polyA, polyB, POLY_TERMS, new Float64Array(POLY_TERMS * POLY_TERMS), new Float64Array(POLY_TERMS), null);
  return { wf, wP, sumWff, polyA, polyB, polyChi2 };
}

/**
 * log10 λ of pixel 0 when the wavelengths are log-uniform with `step`, else why not. The
 * offset is the mean over all pixels: COEFF0 is rounded in LAMOST headers, the stored
 * wavelengths are not.
 */
export function logGrid(wavelength: ArrayLike<number>, step: number): number | string {
  const n = wavelength.length;
  const lo = wavelength[0]!;
  const hi = wavelength[n - 1]!;
  if (!(lo > 0) || !(hi > lo)) return 'cannot fit: wavelengths are not positive and increasing';
  const dataStep = (Math.log10(hi) - Math.log10(lo)) / (n - 1);
  if (Math.abs(dataStep - step) * (n - 1) > GRID_TOLERANCE) {
    return `cannot fit: the spectrum's log10 λ step is ${dataStep.toPrecision(4)}, the templates' ${step} (resampled onto it: resample.ts)`;
  }
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.log10(wavelength[i]!) - i * step;
  const c0 = sum / n;
  for (let i = 0; i < n; i++) {
    const off = (Math.log10(wavelength[i]!) - i * step - c0) / step;
    if (!(Math.abs(off) <= GRID_TOLERANCE)) return `cannot fit: wavelength ${i} is ${Number.isFinite(off) ? off.toFixed(2) : 'not a number'} pixels off a log-uniform grid`;
  }
  return c0;
}

/**
 * βᵀA⁻¹β for a small symmetric system (Cholesky), the part of Σ w f² a linear model explains.
 * Directions with a pivot below 1e-10 of their diagonal (a template that is zero where the
 * data are) are dropped instead of dividing by ~0. `coef`, when given, receives A⁻¹β.
 */
export function explained(A: Float64Array, b: Float64Array, n: number, L: Float64Array, y: Float64Array, coef: Float64Array | null): number {
  let total = 0;
  for (let j = 0; j < n; j++) {
    let d = A[j * n + j]!;
    for (let k = 0; k < j; k++) d -= L[j * n + k]! * L[j * n + k]!;
    const ok = d > 1e-10 * A[j * n + j]! && d > 0;
    const ljj = ok ? Math.sqrt(d) : 0;
    L[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = A[i * n + j]!;
      for (let k = 0; k < j; k++) s -= L[i * n + k]! * L[j * n + k]!;
      L[i * n + j] = ok ? s / ljj : 0;
    }
    let s = b[j]!;
    for (let k = 0; k < j; k++) s -= L[j * n + k]! * y[k]!;
    y[j] = ok ? s / ljj : 0;
    total += y[j]! * y[j]!;
  }
  if (coef) {
    for (let j = n - 1; j >= 0; j--) {
      const ljj = L[j * n + j]!;
      let s = y[j]!;
      for (let k = j + 1; k < n; k++) s -= L[k * n + j]! * coef[k]!;
      coef[j] = ljj > 0 ? s / ljj : 0;
    }
  }
  return total;
}
