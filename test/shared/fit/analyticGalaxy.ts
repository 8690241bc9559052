/**
 * A passive galaxy that is not made of the templates: an old stellar population's continuum
 * (Planck, 4700 K, with a little 14 000 K light), its 4000 Å break and absorption lines (Ca H & K,
 * G band, Mg b, Na D, Hδ), with seeded Gaussian noise — what the demo's galaxies were before they
 * were built from the eigenspectra, and the kind of spectrum the galaxy PCA fits only roughly.
 */
import { linesNamed } from '../../../shared/lines';
import { absorb, lineSigma, planckInto } from '../../../src-main/demo/profile';
import { LAMOST_GRID, median, rng, type Synthetic } from './support';

export function analyticPassiveGalaxy(z: number, snr: number, seed: number): Synthetic {
  const { logLam0, n, step } = LAMOST_GRID;
  const wavelength = Float64Array.from({ length: n }, (_, i) => 10 ** (logLam0 + i * step));
  const r = rng(seed);
  const young = 0.08 * r.uniform();
  const clean = new Float64Array(n);
  const old = new Float64Array(n);
  planckInto(wavelength, 4700, z, old, 1 - young);
  planckInto(wavelength, 14000, z, clean, young);
  for (let i = 0; i < n; i++) {
    const breakFactor = 1 - 0.45 * Math.min(1, Math.max(0, (4050 - wavelength[i]! / (1 + z)) / 150));
    clean[i] = clean[i]! + old[i]! * breakFactor;
  }
  const dispersion = 120 + 130 * r.uniform();
  for (const [name, d] of [['Ca K', 1], ['Ca H', 0.9], ['G band', 0.6], ['Mg b', 0.45], ['Na D', 0.35], ['Hδ', 0.3]] as const) {
    for (const l of linesNamed(name)) absorb(wavelength, clean, l.vacuum * (1 + z), lineSigma(l.vacuum * (1 + z), dispersion), 0.35 * (1 - young) * d);
  }
  const sigma = median(Array.from(clean)) / snr;
  const flux = Float32Array.from(clean, (c) => c + sigma * r.gauss());
  return { wavelength, flux, ivar: new Float32Array(n).fill(1 / (sigma * sigma)), andMask: new Int32Array(n) };
}
