import { describe, expect, it } from 'vitest';
import { fitSpectrum, type FitResult, type FitSuccess } from '../../../shared/fit';
import { LAMOST_GRID, rng, setOf, shippedLibrary, synthetic } from './support';

const C = 299792.458;
const lib = shippedLibrary();

function ok(r: FitResult): FitSuccess {
  if (!r.ok) throw new Error(r.reason);
  return r;
}

function expectNoNaN(r: FitSuccess): void {
  for (const c of r.candidates) for (const v of [c.z, c.zErr, c.chi2]) expect(Number.isFinite(v)).toBe(true);
  for (const v of [r.reducedChi2, r.deltaChi2 ?? 0]) expect(Number.isFinite(v)).toBe(true);
  expect(r.model.some((v) => Number.isNaN(v))).toBe(false);
  for (const c of r.curves) expect(c.chi2.some((v) => Number.isNaN(v)) || c.z.some((v) => Number.isNaN(v))).toBe(false);
}

describe('fitSpectrum on spectra built from the templates', () => {
  // z between grid points on purpose: the refinement must find the fraction.
  const cases = [
    { what: 'galaxy', prefix: 'spEigenGal', coef: [1, 0.3, -0.1, 0.05], z: 0.31234, snr: 5, cls: 'GALAXY' },
    { what: 'low-z galaxy', prefix: 'spEigenGal', coef: [1, -0.2, 0.1, 0], z: 0.0457, snr: 5, cls: 'GALAXY' },
    { what: 'QSO', prefix: 'spEigenQSO', coef: [1, 0.2, 0.1, 0], z: 2.21357, snr: 5, cls: 'QSO' },
    { what: 'low-z QSO', prefix: 'spEigenQSO', coef: [1, -0.1, 0, 0.1], z: 0.6543, snr: 5, cls: 'QSO' },
  ] as const;
  for (const c of cases) {
    it(`recovers a ${c.what} at z = ${c.z} (S/N ${c.snr}) within |Δz|/(1+z) ≤ 0.001`, () => {
      const s = synthetic(setOf(lib, c.prefix), [...c.coef], c.z, c.snr, 11);
      const r = ok(fitSpectrum(s, lib));
      expect(r.best.class).toBe(c.cls);
      expect(Math.abs(r.best.z - c.z) / (1 + c.z)).toBeLessThanOrEqual(0.001);
      expect(r.best.zErr).toBeGreaterThan(0);
      // Noise of the stated ivar: a right model has χ²/dof near 1.
      expect(r.reducedChi2).toBeGreaterThan(0.9);
      expect(r.reducedChi2).toBeLessThan(1.1);
      expectNoNaN(r);
    });
  }

  it('recovers a star (each template its own fit) within 20 km/s and names its template', () => {
    const stars = setOf(lib, 'spEigenStar');
    const row = stars.names.findIndex((n) => n?.startsWith('G8V'));
    const coef = stars.rows.map((_, k) => (k === row ? 1 : 0));
    const v = 57.3;
    const s = synthetic(stars, coef, v / C, 20, 5);
    const r = ok(fitSpectrum(s, lib));
    expect(r.best.class).toBe('STAR');
    expect(r.best.template).toBe(stars.names[row]);
    expect(r.best.subclass).toBe('G8');
    expect(Math.abs(r.best.z * C - v)).toBeLessThanOrEqual(20);
  });

  it('without models (specvet fit) gives the same candidates, χ² and curves, and no model', () => {
    // A QSO: its minima's models decide which QSO candidates stand (plausible.ts) either way.
    const s = synthetic(setOf(lib, 'spEigenQSO'), [1, 0.2, 0.1, 0], 2.21357, 5, 11);
    const full = ok(fitSpectrum(s, lib));
    const bare = ok(fitSpectrum(s, lib, { models: false }));
    expect(bare.candidates).toEqual(full.candidates);
    expect([bare.reducedChi2, bare.deltaChi2]).toEqual([full.reducedChi2, full.deltaChi2]);
    expect(bare.curves).toEqual(full.curves);
    expect(full.models).toHaveLength(full.candidates.length);
    expect(full.model.length).toBe(s.flux.length);
    expect([bare.model.length, bare.models.length]).toEqual([0, 0]);
  });

  it('keeps candidates distinct and best first, with Δχ² between the first two', () => {
    const r = ok(fitSpectrum(synthetic(setOf(lib, 'spEigenGal'), [1, 0.3, 0, 0], 0.5, 5, 2), lib));
    const chi2 = r.candidates.map((c) => c.chi2);
    expect(chi2).toEqual([...chi2].sort((a, b) => a - b));
    expect(r.deltaChi2).toBeCloseTo(chi2[1]! - chi2[0]!, 6);
    expect(r.curves.map((c) => c.class)).toEqual(['GALAXY', 'QSO', 'STAR']);
  });
});

describe('fitSpectrum on bad input', () => {
  it('yields no NaN from a masked, NaN-ridden spectrum', () => {
    const s = synthetic(setOf(lib, 'spEigenGal'), [1, 0.3, -0.1, 0.05], 0.2, 8, 4);
    const r0 = rng(9);
    for (let i = 0; i < s.flux.length; i++) {
      const u = r0.uniform();
      if (u < 0.15) s.flux[i] = NaN;
      else if (u < 0.2) s.ivar[i] = NaN;
      else if (u < 0.25) s.ivar[i] = -1;
      else if (u < 0.3) s.flux[i] = Infinity;
      else if (u < 0.35) s.andMask[i] = 1 << 23;
    }
    s.ivar.fill(0, 0, 400);
    const r = ok(fitSpectrum(s, lib));
    expectNoNaN(r);
    expect(r.pixels).toBeLessThan(0.7 * s.flux.length);
    expect(Math.abs(r.best.z - 0.2) / 1.2).toBeLessThanOrEqual(0.001);
  });

  it('says it cannot fit an all-masked spectrum', () => {
    const s = synthetic(setOf(lib, 'spEigenGal'), [1], 0.1, 5, 1);
    s.ivar.fill(0);
    const r = fitSpectrum(s, lib);
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/^cannot fit: only 0 usable pixels/) });
  });

  it('says so when the spectrum lies outside every template at the allowed redshifts', () => {
    // 40000 Å and up: beyond a galaxy at z = 1.6 (10500 Å × 2.6 = 27300 Å) and any star or QSO.
    const s = synthetic(setOf(lib, 'spEigenGal'), [1], 0.1, 5, 1, { ...LAMOST_GRID, logLam0: 4.6 });
    s.flux.fill(1);
    s.ivar.fill(1);
    const r = fitSpectrum(s, lib);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/^cannot fit: the spectrum's 39811–9\d{4} Å lies outside every template's range/);
  });

  it('says which wavelengths are not increasing instead of resampling them', () => {
    const s = synthetic(setOf(lib, 'spEigenGal'), [1], 0.1, 5, 1);
    const wavelength = Float64Array.from(s.wavelength, (_, i) => 3700 + i * 1.4);
    wavelength[7] = wavelength[6]!;
    const r = fitSpectrum({ ...s, wavelength }, lib);
    expect(!r.ok && r.reason).toBe('cannot fit: wavelengths must be positive and increasing (pixel 7: 3708.4 then 3708.4 Å)');
  });
});
