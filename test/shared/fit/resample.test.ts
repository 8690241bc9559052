/**
 * Spectra off the templates' grid (step 1e-4 in log10 λ) are resampled onto it, flux
 * conserved and ivar propagated, and fitted like any other; the model comes back on the
 * stored pixels.
 */
import { describe, expect, it } from 'vitest';
import { fitSpectrum, type FitResult, type FitSuccess } from '../../../shared/fit';
import { resampleToLog } from '../../../shared/fit/resample';
import { median, setOf, shippedLibrary, syntheticAt } from './support';

const C = 299792.458;
const lib = shippedLibrary();
const linear = (from: number, step: number, n: number) => Float64Array.from({ length: n }, (_, i) => from + i * step);

function ok(r: FitResult): FitSuccess {
  if (!r.ok) throw new Error(r.reason);
  return r;
}

describe('resampleToLog', () => {
  it('conserves flux: the new pixels hold the old pixels’ integral over the span they cover', () => {
    const wavelength = linear(4000, 2, 1000);
    const flux = Float32Array.from(wavelength, (wl, i) => 3 + 0.001 * wl + (i % 7 === 0 ? 5 : 0));
    const r = resampleToLog({ wavelength, flux, ivar: new Float32Array(1000).fill(4) }, 1e-4);
    if (typeof r === 'string') throw new Error(r);
    const edge = (wl: number, side: number) => 10 ** (Math.log10(wl) + side * 0.5e-4);
    const lo = edge(r.wavelength[0]!, -1);
    const hi = edge(r.wavelength[r.wavelength.length - 1]!, 1);
    expect(lo).toBeGreaterThanOrEqual(3999);
    expect(hi).toBeLessThanOrEqual(5999);
    // Old pixel i spans wavelength ± 1 Å (a step function); its part inside [lo, hi]:
    let want = 0;
    wavelength.forEach((wl, i) => (want += flux[i]! * Math.max(0, Math.min(hi, wl + 1) - Math.max(lo, wl - 1))));
    let got = 0;
    r.wavelength.forEach((wl, k) => (got += r.flux[k]! * (edge(wl, 1) - edge(wl, -1))));
    expect(got / want).toBeCloseTo(1, 6);
    // Centres on whole multiples of the step, each pixel within the old values it spans.
    r.wavelength.forEach((wl, k) => {
      expect(Math.log10(wl) / 1e-4).toBeCloseTo(Math.round(Math.log10(wl) / 1e-4), 6);
      const near = Array.from(wavelength.keys()).filter((i) => Math.abs(wavelength[i]! - wl) <= 2).map((i) => flux[i]!);
      expect(r.flux[k]).toBeGreaterThanOrEqual(Math.min(...near) - 1e-4);
      expect(r.flux[k]).toBeLessThanOrEqual(Math.max(...near) + 1e-4);
    });
  });

  it('propagates ivar: a new pixel inside one old pixel keeps its ivar, a wide one sums its pieces', () => {
    const fine = resampleToLog({ wavelength: linear(4000, 5, 200), flux: new Float32Array(200).fill(1), ivar: new Float32Array(200).fill(4) }, 1e-4);
    const coarse = resampleToLog({ wavelength: linear(4000, 0.1, 20000), flux: new Float32Array(20000).fill(1), ivar: new Float32Array(20000).fill(4) }, 1e-4);
    if (typeof fine === 'string' || typeof coarse === 'string') throw new Error('resampling failed');
    // 5 Å pixels, 0.92 Å new ones: most new pixels lie inside one old pixel.
    expect(median(Array.from(fine.ivar))).toBeCloseTo(4, 5);
    // 0.1 Å pixels: a new pixel of width W Å averages W / 0.1 of them, ivar 4 · W / 0.1 — a
    // little more where its ends cut old pixels (a part of a pixel adds less variance).
    coarse.wavelength.forEach((wl, k) => {
      const width = 10 ** (Math.log10(wl) + 0.5e-4) - 10 ** (Math.log10(wl) - 0.5e-4);
      const ratio = coarse.ivar[k]! / ((4 * width) / 0.1);
      expect(ratio).toBeGreaterThan(1 - 1e-6);
      expect(ratio).toBeLessThan(1 / (1 - (0.5 * 0.1) / width));
    });
  });

  it('leaves out every new pixel touching a masked, NaN or zero-ivar pixel', () => {
    const n = 500;
    const wavelength = linear(5000, 2, n);
    const flux = new Float32Array(n).fill(1);
    const ivar = new Float32Array(n).fill(1);
    const andMask = new Int32Array(n);
    andMask[100] = 1 << 16;
    flux[200] = NaN;
    ivar[300] = 0;
    const r = resampleToLog({ wavelength, flux, ivar, andMask }, 1e-4);
    if (typeof r === 'string') throw new Error(r);
    for (const bad of [100, 200, 300]) {
      const lo = wavelength[bad]! - 1;
      const hi = wavelength[bad]! + 1;
      const touching = Array.from(r.wavelength.keys()).filter((k) => 10 ** (Math.log10(r.wavelength[k]!) + 0.5e-4) > lo && 10 ** (Math.log10(r.wavelength[k]!) - 0.5e-4) < hi);
      expect(touching.length).toBeGreaterThan(0);
      for (const k of touching) expect(r.ivar[k]).toBe(0);
    }
    expect(r.ivar.filter((v) => v > 0).length).toBeGreaterThan(0.9 * r.ivar.length);
    expect(r.flux.some((v) => Number.isNaN(v))).toBe(false);
  });
});

describe('fitSpectrum on spectra off the templates’ grid', () => {
  it('recovers a galaxy on a linear 1.4 Å grid, with χ²/dof near 1 (ivar right) and the model on the stored pixels', () => {
    const z = 0.31234;
    const s = syntheticAt(setOf(lib, 'spEigenGal'), [1, 0.3, -0.1, 0.05], z, 5, 11, linear(3700, 1.4, 3850));
    const r = ok(fitSpectrum(s, lib));
    expect(r.best.class).toBe('GALAXY');
    expect(Math.abs(r.best.z - z) / (1 + z)).toBeLessThanOrEqual(0.001);
    expect(r.reducedChi2).toBeGreaterThan(0.85);
    expect(r.reducedChi2).toBeLessThan(1.15);
    expect(r.model).toHaveLength(s.flux.length);
    const level = median(Array.from(s.expected, Math.abs));
    expect(median(Array.from(r.model, (m, i) => Math.abs(m - s.expected[i]!))) / level).toBeLessThan(0.05);
    expect(r.model.some((v) => Number.isNaN(v))).toBe(false);
  });

  it('recovers a QSO on a coarser log grid (step 2e-4)', () => {
    const z = 2.21357;
    const wavelength = Float64Array.from({ length: 1950 }, (_, i) => 10 ** (3.5682 + i * 2e-4));
    const r = ok(fitSpectrum(syntheticAt(setOf(lib, 'spEigenQSO'), [1, 0.2, 0.1, 0], z, 5, 3, wavelength), lib));
    expect(r.best.class).toBe('QSO');
    expect(Math.abs(r.best.z - z) / (1 + z)).toBeLessThanOrEqual(0.001);
  });

  it('recovers a G8V star on a linear grid within 20 km/s', () => {
    const stars = setOf(lib, 'spEigenStar');
    const row = stars.names.findIndex((n) => n?.startsWith('G8V'));
    const v = 57.3;
    const s = syntheticAt(stars, stars.rows.map((_, k) => (k === row ? 1 : 0)), v / C, 20, 5, linear(3800, 1.2, 4400));
    const r = ok(fitSpectrum(s, lib));
    expect(r.best.class).toBe('STAR');
    expect(r.best.subclass).toBe('G8');
    expect(Math.abs(r.best.z * C - v)).toBeLessThanOrEqual(20);
  });
});
