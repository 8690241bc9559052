/**
 * Turns a noise-free model into what the LAMOST pipeline would publish: flux scaled to the
 * object's brightness, Gaussian noise whose variance follows object + sky photons and the
 * instrument throughput (and is exactly 1/ivar), sky-line residuals, masked pixels, the odd
 * NaN, and, for fibres in a faulty range, stray light or over-subtracted (negative) flux.
 */
import { airToVacuum } from '../../shared/lines';
import type { FaultRow } from '../survey/bundle';
import { addGaussian, lineSigma, type Model } from './profile';
import type { Random } from './random';
import { clamp } from './stars';

/** LAMOST 1D mask bits (andmask/ormask). */
export const MASK = { BADCCD: 1, BADPROFILE: 2, NOSKY: 4, BRIGHTSKY: 8, BADCENTER: 16, NODATA: 32 } as const;

/** Bright night-sky lines (air Å, [O I], Na I, OH): residuals of sky subtraction sit here. */
const SKY_LINES_AIR: readonly (readonly [number, number])[] = [
  [5577.34, 12], [5889.95, 3], [5895.92, 3], [6300.3, 5], [6363.78, 2], [6863.96, 3], [6923.22, 3],
  [7316.28, 4], [7340.89, 4], [7750.64, 5], [7794.11, 5], [7821.5, 4], [7913.7, 5], [7993.33, 6],
  [8344.6, 8], [8399.17, 7], [8430.17, 7], [8761.31, 8], [8767.91, 8], [8827.1, 10], [8885.83, 9],
  [8919.5, 9], [8958.1, 10], [9001.3, 10],
];
const SKY_LINES = SKY_LINES_AIR.map(([l, a]) => [airToVacuum(l), a] as const);

export interface Observation {
  /** Median flux level of the object (arbitrary LAMOST-like units). */
  brightness: number;
  /** Wanted median S/N per pixel in the r band. */
  snrR: number;
  /** Sky brightness relative to the object; higher with moon. */
  sky: number;
  fault: FaultRow['kind'] | null;
}

export interface Observed {
  flux: Float32Array;
  ivar: Float32Array;
  andMask: Int32Array;
  orMask: Int32Array;
  normalization: Float32Array;
  snr: { u: number; g: number; r: number; i: number; z: number };
}

export function observe(wl: Float64Array, model: Model, o: Observation, rng: Random): Observed {
  const n = wl.length;
  const obj = new Float64Array(n);
  const skyLines = new Float64Array(n);
  const variance = new Float64Array(n);
  const rMedian = median(model.flux, wl, 5500, 6900);
  const scale = o.brightness / (rMedian > 0 ? rMedian : 1);
  for (let i = 0; i < n; i++) obj[i] = model.flux[i]! * scale;
  for (const [l, a] of SKY_LINES) addGaussian(wl, skyLines, l, lineSigma(l, 0), a * o.sky * o.brightness);
  for (let i = 0; i < n; i++) {
    variance[i] = (Math.max(obj[i]!, 0) + o.sky * o.brightness + skyLines[i]!) / throughput(wl[i]!);
  }
  // Scale the variance so that the median S/N in the r band is what was asked for.
  const k = (median(ratio(obj, variance), wl, 5500, 6900) / o.snrR) ** 2;
  const out = emptyObserved(n);
  const residual = rng.gauss() * 0.04;
  for (let i = 0; i < n; i++) {
    const sigma = Math.sqrt(k * variance[i]!);
    out.flux[i] = obj[i]! + sigma * rng.gauss() + residual * skyLines[i]!;
    out.ivar[i] = 1 / (sigma * sigma);
    if (skyLines[i]! > 2 * o.sky * o.brightness) out.orMask[i]! |= MASK.BRIGHTSKY;
  }
  maskPixels(out, rng);
  if (o.fault) applyFault(wl, out.flux, o.fault, rng);
  for (let i = 0; i < n; i++) {
    const c = model.continuum[i]! * scale;
    out.normalization[i] = c > 0 ? out.flux[i]! / c : 0;
  }
  out.snr = bandSnr(wl, out.flux, out.ivar);
  return out;
}

/** Fraction of light reaching the detector: low at the blue end, a dip at the dichroic, low far red. */
function throughput(l: number): number {
  const blue = clamp((l - 3650) / 800, 0.12, 1);
  const red = clamp(1 - (l - 8400) / 1400, 0.35, 1);
  const dichroic = 1 - 0.45 * Math.exp(-0.5 * ((l - 5800) / 60) ** 2);
  return blue * red * dichroic;
}

function maskPixels(out: Observed, rng: Random): void {
  const n = out.flux.length;
  // The last pixels past the red camera's edge carry no data.
  for (let i = n - rng.int(2, 8); i < n; i++) setMasked(out, i, MASK.NODATA, 0);
  for (let runs = rng.int(0, 3); runs > 0; runs--) {
    const start = rng.int(0, n - 5);
    for (let i = start; i < start + rng.int(1, 4); i++) setMasked(out, i, MASK.BADCCD, out.flux[i]!);
  }
  // A few files have NaN pixels (seen in real data): decoders must keep them as gaps.
  if (rng.chance(0.04)) {
    const start = rng.int(100, n - 100);
    for (let i = start; i < start + 3; i++) setMasked(out, i, MASK.BADCCD, NaN);
  }
}

function setMasked(out: Observed, i: number, bit: number, flux: number): void {
  out.flux[i] = flux;
  out.ivar[i] = 0;
  out.andMask[i]! |= bit;
  out.orMask[i]! |= bit;
}

/**
 * Counts a 2D fault adds to (or takes from) every fibre of its range: light scattered inside the
 * spectrograph, or a sky model subtracted too high, does not care how bright the star behind a
 * fibre is. About a typical demo star's own level, so the block shows in the median-flux strip.
 */
export const FAULT_LEVEL = 600;

/** 2D faults the spectrograph view should reveal across a fibre range. */
function applyFault(wl: Float64Array, flux: Float32Array, kind: FaultRow['kind'], rng: Random): void {
  const amp = FAULT_LEVEL * rng.uniform(0.8, 1.2);
  for (let i = 0; i < flux.length; i++) {
    const l = wl[i]!;
    flux[i]! += kind === 'stray-light' ? amp * (0.3 + Math.exp(-0.5 * ((l - 4300) / 700) ** 2)) : l < 5900 ? -1.5 * amp : -0.3 * amp;
  }
}

const BANDS = { u: [3700, 4000], g: [4000, 5500], r: [5500, 6900], i: [6900, 8400], z: [8400, 9100] } as const;

/** Median flux·√ivar per band over unmasked pixels (the SNRU…SNRZ header cards). */
function bandSnr(wl: Float64Array, flux: Float32Array, ivar: Float32Array): Observed['snr'] {
  const s = new Float64Array(flux.length);
  for (let i = 0; i < s.length; i++) s[i] = ivar[i]! > 0 && Number.isFinite(flux[i]!) ? flux[i]! * Math.sqrt(ivar[i]!) : NaN;
  const band = (b: keyof typeof BANDS) => Math.max(0, Math.round(median(s, wl, BANDS[b][0], BANDS[b][1]) * 100) / 100);
  return { u: band('u'), g: band('g'), r: band('r'), i: band('i'), z: band('z') };
}

function ratio(a: Float64Array, variance: Float64Array): Float64Array {
  return a.map((x, i) => x / Math.sqrt(variance[i]!));
}

/** Median of finite values with wavelength in [lo, hi). */
function median(values: ArrayLike<number>, wl: Float64Array, lo: number, hi: number): number {
  const xs = new Float64Array(wl.length);
  let k = 0;
  for (let i = 0; i < wl.length; i++) if (wl[i]! >= lo && wl[i]! < hi && Number.isFinite(values[i]!)) xs[k++] = values[i]!;
  if (k === 0) return 0;
  // A typed-array sort is numeric and native: several times faster than Array#sort with a comparator.
  return xs.subarray(0, k).sort()[k >> 1]!;
}

function emptyObserved(n: number): Observed {
  return {
    flux: new Float32Array(n),
    ivar: new Float32Array(n),
    andMask: new Int32Array(n),
    orMask: new Int32Array(n),
    normalization: new Float32Array(n),
    snr: { u: 0, g: 0, r: 0, i: 0, z: 0 },
  };
}
