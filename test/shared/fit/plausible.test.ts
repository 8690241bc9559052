/**
 * Candidates the fit refuses (shared/fit/plausible.ts, docs/assistant.md "Is it a QSO? Is it a
 * galaxy?"): a QSO whose broad lines do not stand out, a galaxy inside the stars' velocity range
 * or with its rest-frame optical off the spectrum — the ways passive galaxies and stars were
 * taken for QSOs, for galaxies at z ≈ 1.6 and for galaxies at z ≈ 0.
 */
import { describe, expect, it } from 'vitest';
import { Z_DISAGREEMENT } from '../../../shared/agreement';
import { fitSpectrum, Z_RANGES } from '../../../shared/fit';
import { prepareData, type FitData } from '../../../shared/fit/data';
import { galaxyZMax, qsoPlausible } from '../../../shared/fit/plausible';
import { analyticPassiveGalaxy } from './analyticGalaxy';
import { LAMOST_GRID, setOf, shippedLibrary, synthetic } from './support';

describe('passive galaxies not made of the templates', () => {
  const cases = [0.042, 0.087, 0.131, 0.178, 0.214, 0.263, 0.305, 0.348].map((z, k) => ({ z, seed: 100 + k }));
  it.each(cases)('finds a passive galaxy at z = $z (S/N 8) a GALAXY at its z, not one at z ≈ 1.6 nor a QSO', ({ z, seed }) => {
    const r = fitSpectrum(analyticPassiveGalaxy(z, 8, seed), shippedLibrary());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.best.class).toBe('GALAXY');
    // Within the ≠ rule's 1000 km/s: the PCA fits this continuum only roughly, so not always to 300 km/s.
    expect(Math.abs(r.best.z - z) / (1 + z)).toBeLessThan(Z_DISAGREEMENT);
  });
});

describe('where galaxy candidates are sought', () => {
  it('gives no galaxy candidate inside the stars’ range nor beyond where [O II] leaves a LAMOST spectrum', () => {
    const lib = shippedLibrary();
    const star = setOf(lib, 'spEigenStar');
    const k0 = star.names.findIndex((n) => n?.startsWith('K0'));
    const coef = star.rows.map((_, i) => (i === k0 ? 1 : 0));
    const r = fitSpectrum(synthetic(star, coef, 0.0001, 30, 7), lib, { candidates: 12 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.best.class).toBe('STAR');
    const galaxies = r.candidates.filter((c) => c.class === 'GALAXY');
    expect(galaxies.length).toBeGreaterThan(0);
    for (const c of galaxies) {
      expect(c.z).toBeGreaterThanOrEqual(Z_RANGES.STAR[1] - 1e-4);
      expect(c.z).toBeLessThanOrEqual(1.45);
    }
    // The χ²(z) curve still covers the whole galaxy range.
    expect(r.curves.find((c) => c.class === 'GALAXY')!.z.at(-1)).toBeGreaterThan(1.59);
  });

  it('puts the galaxy search’s top where [O II] 3727 Å reaches the last weighted pixel (z ≈ 1.44 on LAMOST)', () => {
    const data = lamostData();
    expect(galaxyZMax(data)).toBeGreaterThan(1.42);
    expect(galaxyZMax(data)).toBeLessThan(1.45);
  });
});

describe('qsoPlausible', () => {
  const data = lamostData();
  const z = 2.2;
  const pixel = (rest: number) => Math.round((Math.log10(rest * (1 + z)) - data.logLam0) / data.step);
  /** A flat model with Gaussian lines (σ 10 pixels) of `peak` at Lyα, C III] and Mg II and `civ` at C IV. */
  const withLines = (peak: number, civ = peak) => {
    const lines = [[1215.67, peak], [1549.48, civ], [1908.73, peak], [2799.49, peak]].map(([rest, p]) => [pixel(rest!), p!] as const);
    return Float64Array.from({ length: data.n }, (_, i) => 1 + lines.reduce((s, [c, p]) => s + p * Math.exp(-0.5 * ((i - c) / 10) ** 2), 0));
  };

  it('refuses a model whose broad lines stand out by a few per cent (a 4000 Å break taken for Lyα)', () => {
    expect(qsoPlausible(withLines(0.1), data, z)).toBe(false);
  });

  it('accepts one whose broad lines stand out as a quasar’s do', () => {
    expect(qsoPlausible(withLines(0.6), data, z)).toBe(true);
  });

  it('refuses one with a broad line in absorption', () => {
    expect(qsoPlausible(withLines(0.6, -0.6), data, z)).toBe(false);
  });
});

function lamostData(): FitData {
  const { logLam0, n, step } = LAMOST_GRID;
  const data = prepareData({ wavelength: Float64Array.from({ length: n }, (_, i) => 10 ** (logLam0 + i * step)), flux: new Float32Array(n).fill(1), ivar: new Float32Array(n).fill(1) }, step);
  if (typeof data === 'string') throw new Error(data);
  return data;
}
