/** The shipped templates, and spectra built from them with seeded noise. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { templateLibrary, type TemplateLibrary, type TemplateSet } from '../../../shared/fit';
import { shiftedRow } from '../../../shared/fit/model';

export const TEMPLATES = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'resources', 'templates');

let lib: TemplateLibrary | null = null;
export function shippedLibrary(): TemplateLibrary {
  lib ??= templateLibrary(readdirSync(TEMPLATES).map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(TEMPLATES, name))) })));
  return lib;
}

/** Seeded uniform (mulberry32) and Gaussian (Box–Muller) numbers. */
export function rng(seed: number): { uniform(): number; gauss(): number } {
  let a = seed >>> 0;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const gauss = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  return { uniform, gauss };
}

export interface Synthetic {
  wavelength: Float64Array;
  flux: Float32Array;
  ivar: Float32Array;
  andMask: Int32Array;
}

/** LAMOST LRS's grid: 3909 pixels from log10 λ = 3.5682, step 1e-4. */
export const LAMOST_GRID = { logLam0: 3.5682, n: 3909, step: 1e-4 };

/**
 * Σ coef_k · row_k of `set` at redshift z on a log grid, plus a tilted continuum the
 * polynomial must absorb, with Gaussian noise giving a median S/N of `snr` per pixel.
 */
export function synthetic(set: TemplateSet, coef: number[], z: number, snr: number, seed: number, grid = LAMOST_GRID): Synthetic {
  const { logLam0, n, step } = grid;
  const wavelength = Float64Array.from({ length: n }, (_, i) => 10 ** (logLam0 + i * step));
  const s = Math.log10(1 + z) / step;
  const q = (logLam0 - set.logLam0) / step;
  const clean = new Float64Array(n);
  coef.forEach((c, k) => shiftedRow(set.rows[k]!, n, q, s).forEach((v, i) => (clean[i] = clean[i]! + c * v)));
  return noisy(wavelength, clean, snr, seed);
}

/**
 * The same at any wavelengths (a linear grid, another log step): the templates linearly
 * interpolated in log λ at λ/(1+z), every pixel inside them. `expected` is the flux without noise.
 */
export function syntheticAt(set: TemplateSet, coef: number[], z: number, snr: number, seed: number, wavelength: Float64Array): Synthetic & { expected: Float64Array } {
  const clean = new Float64Array(wavelength.length);
  wavelength.forEach((wl, i) => {
    const x = (Math.log10(wl / (1 + z)) - set.logLam0) / set.step;
    const j = Math.floor(x);
    if (j < 0 || j + 1 >= set.rows[0]!.length) throw new Error(`${wl} Å at z = ${z} is outside ${set.file}`);
    coef.forEach((c, k) => (clean[i] = clean[i]! + c * (set.rows[k]![j]! * (1 - (x - j)) + set.rows[k]![j + 1]! * (x - j))));
  });
  return noisy(wavelength, clean, snr, seed);
}

function noisy(wavelength: Float64Array, clean: Float64Array, snr: number, seed: number): Synthetic & { expected: Float64Array } {
  const n = clean.length;
  const level = median(Array.from(clean, Math.abs));
  const sigma = level / snr;
  const r = rng(seed);
  const expected = Float64Array.from(clean, (c, i) => c + 0.2 * level * (i / n - 0.5));
  const flux = Float32Array.from(expected, (e) => e + sigma * r.gauss());
  return { wavelength, flux, ivar: new Float32Array(n).fill(1 / (sigma * sigma)), andMask: new Int32Array(n), expected };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export function setOf(lib: TemplateLibrary, filePrefix: string): TemplateSet {
  const set = lib.sets.find((s) => s.file.startsWith(filePrefix));
  if (!set) throw new Error(`no ${filePrefix} in the shipped templates`);
  return set;
}
