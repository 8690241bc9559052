/**
 * Synthetic galaxy and QSO spectra at redshift z. Galaxies: an old stellar population with
 * its 4000 Å break and absorption (Ca H & K, G band, Mg b, Na D), plus nebular emission for
 * star-forming ones. QSOs: a power-law continuum with broad lines (Lyα … Hα), narrow
 * [O III], and the Lyα forest / Lyman limit blueward of Lyα, so a z ≈ 4 QSO looks right.
 * All lines at (1 + z) · vacuum rest wavelength from shared/lines.
 */
import { line, linesNamed } from '../../shared/lines';
import type { Random } from './random';
import { absorb, addGaussian, lineSigma, lowerBound, planckInto, type Model } from './profile';
import { clamp } from './stars';

export type GalaxyKind = 'passive' | 'starforming';

/** Rest equivalent widths (Å) of nebular lines in a star-forming galaxy, relative to Hα. */
const NEBULAR: readonly (readonly [string, number])[] = [
  ['Hα', 1],
  ['[N II]', 0.3],
  ['Hβ', 0.28],
  ['Hγ', 0.13],
  ['[O III]', 0.9],
  ['[O II]', 0.8],
  ['[S II]', 0.2],
  ['[Ne III]', 0.08],
];

export function galaxyModel(wl: Float64Array, z: number, kind: GalaxyKind, rng: Random): Model {
  const n = wl.length;
  const young = kind === 'starforming' ? rng.uniform(0.2, 0.5) : rng.uniform(0, 0.08);
  const continuum = new Float64Array(n);
  const old = new Float64Array(n);
  planckInto(wl, 4700, z, old, 1 - young);
  planckInto(wl, 14000, z, continuum, young);
  for (let i = 0; i < n; i++) {
    const breakFactor = 1 - 0.45 * clamp((4050 - wl[i]! / (1 + z)) / 150, 0, 1);
    continuum[i] = continuum[i]! + old[i]! * breakFactor;
  }
  const flux = continuum.slice();
  const dispersion = rng.uniform(120, 250);
  const depth = 0.35 * (1 - young);
  for (const [name, d] of [['Ca K', 1], ['Ca H', 0.9], ['G band', 0.6], ['Mg b', 0.45], ['Na D', 0.35], ['Hδ', 0.3]] as const) {
    for (const l of linesNamed(name)) absorb(wl, flux, l.vacuum * (1 + z), lineSigma(l.vacuum * (1 + z), dispersion), depth * d);
  }
  if (kind === 'starforming') {
    const ewHa = rng.uniform(10, 60) * (1 + z);
    const o3 = rng.uniform(0.3, 3);
    for (const [name, rel] of NEBULAR) {
      const comps = linesNamed(name);
      comps.forEach((l, k) => {
        // The weaker member of each doublet: [O III] 4960 = 5008/2.98, [N II] 6550 = 6585/3.
        const weight = name === '[O III]' ? (k === 0 ? 1 / 2.98 : 1) * o3 : name === '[N II]' ? (k === 0 ? 1 / 3 : 1) : 1 / comps.length;
        emit(wl, flux, continuum, l.vacuum * (1 + z), 60, ewHa * rel * weight);
      });
    }
  }
  return { flux, continuum };
}

/** Broad lines: rest equivalent width (Å) and FWHM (km/s). */
const BROAD: readonly (readonly [string, number, number])[] = [
  ['Lyβ', 15, 5000],
  ['Lyα', 90, 5000],
  ['N V', 20, 5000],
  ['Si IV', 8, 5000],
  ['C IV', 35, 4500],
  ['C III]', 20, 5000],
  ['Mg II', 30, 4000],
  ['Hγ', 12, 3500],
  ['Hβ', 45, 3500],
  ['Hα', 200, 3500],
];

export function qsoModel(wl: Float64Array, z: number, rng: Random): Model {
  const n = wl.length;
  const alpha = rng.uniform(1.2, 1.8);
  const continuum = new Float64Array(n);
  for (let i = 0; i < n; i++) continuum[i] = (wl[i]! / 5500) ** -alpha;
  const flux = continuum.slice();
  const scale = rng.uniform(0.7, 1.4);
  for (const [name, ew, fwhm] of BROAD) emit(wl, flux, continuum, line(name).vacuum * (1 + z), fwhm / 2.3548, ew * scale * (1 + z));
  for (const l of linesNamed('[O III]')) emit(wl, flux, continuum, l.vacuum * (1 + z), 250, (l.vacuum > 5000 ? 15 : 5) * (1 + z));
  lymanAbsorption(wl, flux, z, rng);
  return { flux, continuum };
}

/** Adds an emission line of observed equivalent width `ew` (Å) on the local continuum. */
function emit(wl: Float64Array, flux: Float64Array, continuum: Float64Array, center: number, sigmaKms: number, ew: number): void {
  if (center < wl[0]! - 200 || center > wl[wl.length - 1]! + 200) return;
  const sigma = lineSigma(center, sigmaKms);
  const i = Math.min(wl.length - 1, lowerBound(wl, center));
  addGaussian(wl, flux, center, sigma, (ew * continuum[i]!) / (sigma * Math.sqrt(2 * Math.PI)));
}

/** Lyα forest (random absorbers, mean opacity rising with z) and the Lyman limit. */
function lymanAbsorption(wl: Float64Array, flux: Float64Array, z: number, rng: Random): void {
  const lya = line('Lyα').vacuum * (1 + z);
  const limit = 912 * (1 + z);
  if (lya <= wl[0]!) return;
  for (let x = Math.max(wl[0]!, limit); x < lya; x += rng.uniform(1, 6)) {
    const zAbs = x / line('Lyα').vacuum - 1;
    const strength = clamp(0.15 * (1 + zAbs) ** 1.5, 0, 0.95);
    absorb(wl, flux, x, rng.uniform(0.8, 2), strength * rng.next());
  }
  for (let i = 0; i < wl.length && wl[i]! < limit; i++) flux[i]! *= 0.03;
}
