/**
 * The normal equations of "templates shifted by s pixels + polynomial" at every s at once.
 * Data and templates share a log-λ grid, so each term Σ_i x_i T(i + u) over all shifts u is
 * a cross-correlation: conj(FFT x) · FFT T, transformed back. The template side (T_k and
 * T_k·T_l) depends only on the grid offset and the FFT size, so it is cached across spectra.
 */
import { fft, fftRealPair, keptSpectrum, spectrum, type Spectrum2 } from './fft';
import type { FitData } from './data';
import type { TemplateSet } from './templates';

/** Integer shifts s (pixels of log10(1+z)) a set can be fitted at, and where its rows start. */
export interface ShiftPlan {
  sMin: number;
  sMax: number;
  /** (data log λ0 − template log λ0) / step, split in whole pixels and a remainder in [−½, ½]. */
  qi: number;
  qf: number;
  /** FFT length: ≥ n + (sMax − sMin), 2^k or 3·2^k (nextFftSize). */
  size: number;
}

export interface SetSpectra {
  single: Spectrum2[];
  /** T_k·T_l for k ≤ l, in order (0,0), (0,1)…(0,K−1), (1,1)…; only for 'pca' sets. */
  products: Spectrum2[];
}

/** Template row k shifted so that segment[m] = T(m + uMin + qf), linear between pixels, 0 outside. */
export function segment(row: Float64Array, uMin: number, qf: number, size: number): Float64Array {
  const out = new Float64Array(size);
  const n = row.length;
  for (let m = 0; m < size; m++) {
    const x = m + uMin + qf;
    const j = Math.floor(x);
    if (j < 0 || j > n - 1) continue;
    const t = x - j;
    out[m] = t === 0 || j === n - 1 ? row[j]! : row[j]! * (1 - t) + row[j + 1]! * t;
  }
  return out;
}

const setCache = new WeakMap<TemplateSet, Map<string, SetSpectra>>();
/** Kept per set: one grid offset serves a whole survey (LAMOST LRS all start at 3.5682). */
const KEEP = 3;

export function setSpectra(set: TemplateSet, plan: ShiftPlan): SetSpectra {
  const uMin = plan.qi - plan.sMax;
  const key = `${uMin}|${plan.qf.toFixed(6)}|${plan.size}`;
  let bySet = setCache.get(set);
  if (!bySet) setCache.set(set, (bySet = new Map()));
  const hit = bySet.get(key);
  if (hit) return hit;
  const segs = set.rows.map((r) => segment(r, uMin, plan.qf, plan.size));
  const prods: Float64Array[] = [];
  if (set.mode === 'pca') {
    for (let k = 0; k < segs.length; k++) {
      for (let l = k; l < segs.length; l++) {
        const p = new Float64Array(plan.size);
        for (let m = 0; m < plan.size; m++) p[m] = segs[k]![m]! * segs[l]![m]!;
        prods.push(p);
      }
    }
  } else {
    for (const s of segs) prods.push(s.map((v) => v * v));
  }
  const out = { single: transformAll(segs, plan.size), products: transformAll(prods, plan.size) };
  if (bySet.size >= KEEP) bySet.delete(bySet.keys().next().value!);
  bySet.set(key, out);
  return out;
}

export function transformAll(xs: readonly Float64Array[], size: number): Spectrum2[] {
  const out: Spectrum2[] = [];
  for (let i = 0; i < xs.length; i += 2) out.push(...fftRealPair(xs[i]!, xs[i + 1] ?? null, size).slice(0, xs[i + 1] ? 2 : 1));
  return out;
}

/** Transforms of w, w·P1, w·P2, w·f at one FFT size (the data side of every correlation). */
export interface DataSpectra {
  w: Spectrum2;
  wP1: Spectrum2;
  wP2: Spectrum2;
  wf: Spectrum2;
}

/**
 * The data side is remade for every spectrum into the same buffers (one set per FFT size):
 * a fit is synchronous and uses them only while it runs.
 */
const dataBuffers = new Map<number, DataSpectra>();

export function dataSpectra(data: FitData, size: number): DataSpectra {
  let ds = dataBuffers.get(size);
  if (!ds) dataBuffers.set(size, (ds = { w: spectrum(size), wP1: spectrum(size), wP2: spectrum(size), wf: spectrum(size) }));
  fftRealPair(data.w, data.wP[1]!, size, [ds.w, ds.wP1]);
  fftRealPair(data.wP[2]!, data.wf, size, [ds.wP2, ds.wf]);
  return ds;
}

export interface Job {
  data: Spectrum2;
  template: Spectrum2;
  out: Float64Array;
}

/** correlate()'s inverse-transform buffer per size, reused (every element is written before use). */
const correlateWork = new Map<number, Spectrum2>();

/** Runs correlation jobs two at a time (one inverse FFT gives two real results). */
export function correlate(jobs: readonly Job[], size: number): void {
  const { re, im } = keptSpectrum(correlateWork, size);
  for (let j = 0; j < jobs.length; j += 2) {
    const a = jobs[j]!;
    const b = jobs[j + 1];
    const dar = a.data.re, dai = a.data.im, tar = a.template.re, tai = a.template.im;
    for (let k = 0; k < size; k++) {
      // conj(D)·T for job a; job b enters as i·conj(D)·T.
      re[k] = dar[k]! * tar[k]! + dai[k]! * tai[k]!;
      im[k] = dar[k]! * tai[k]! - dai[k]! * tar[k]!;
    }
    if (b) {
      const dbr = b.data.re, dbi = b.data.im, tbr = b.template.re, tbi = b.template.im;
      for (let k = 0; k < size; k++) {
        re[k] = re[k]! - (dbr[k]! * tbi[k]! - dbi[k]! * tbr[k]!);
        im[k] = im[k]! + (dbr[k]! * tbr[k]! + dbi[k]! * tbi[k]!);
      }
    }
    fft(re, im, true, true);
    for (let m = 0; m < a.out.length; m++) a.out[m] = re[m]! / size;
    if (b) for (let m = 0; m < b.out.length; m++) b.out[m] = im[m]! / size;
  }
}
