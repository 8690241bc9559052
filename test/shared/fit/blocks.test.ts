import { describe, expect, it } from 'vitest';
import { shiftPlan, Z_RANGES } from '../../../shared/fit';
import { fewLagCurves, setCurves } from '../../../shared/fit/chi2';
import { dataSpectra, setSpectra } from '../../../shared/fit/correlate';
import { prepareData, type FitData } from '../../../shared/fit/data';
import { setOf, shippedLibrary, synthetic } from './support';

describe('few-lag blocks (the stars) against the full-FFT correlations', () => {
  it('give the same χ²(z) for every stellar template, masked pixels included', () => {
    const lib = shippedLibrary();
    const stars = setOf(lib, 'spEigenStar');
    const s = synthetic(stars, stars.rows.map((_, k) => (k === 40 ? 1 : 0)), 1e-4, 10, 3);
    for (let i = 0; i < 200; i++) s.ivar[i * 7] = 0;
    const data = prepareData(s, lib.step) as FitData;
    const plan = shiftPlan(stars, data, Z_RANGES.STAR)!;
    const blocked = fewLagCurves(stars, data, plan);
    const viaFft = setCurves(stars, data, plan, dataSpectra(data, plan.size), setSpectra(stars, plan));
    expect(blocked).toHaveLength(stars.rows.length);
    let worst = 0;
    blocked.forEach((c, r) => c.chi2.forEach((v, t) => (worst = Math.max(worst, Math.abs(v - viaFft[r]!.chi2[t]!) / Math.max(1, viaFft[r]!.chi2[t]!)))));
    expect(worst).toBeLessThan(1e-8);
  });
});
