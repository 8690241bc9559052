/** The robust y range (spectra/robustRange.ts): a cosmic ray does not flatten the plot, a zoom gets its own range. */
import { describe, expect, it } from 'vitest';
import { RobustRange } from '../../../src-renderer/spectra/robustRange';

describe('robust flux range', () => {
  it('clips one cosmic ray among 1000 pixels at the 99.5th percentile', () => {
    const flux = Float32Array.from({ length: 1000 }, (_, i) => (i % 10) / 10);
    flux[500] = 1e6;
    const [lo, hi] = new RobustRange().of(flux);
    expect(lo).toBe(0);
    expect(hi).toBeCloseTo(0.9, 5);
  });

  it('ranges only the pixels asked for (the visible part after a zoom), ignoring NaN', () => {
    const flux = Float32Array.from({ length: 200 }, (_, i) => (i < 100 ? 1 + (i % 5) : 100 + (i % 7)));
    flux[150] = NaN;
    const r = new RobustRange();
    expect(r.of(flux, 0, 99)).toEqual([1, 5]);
    expect(r.of(flux, 100, 199)).toEqual([100, 106]);
  });

  it('gives a usable range for a flat or empty spectrum', () => {
    const r = new RobustRange();
    expect(r.of(Float32Array.from([2, 2, 2]))).toEqual([1, 3]);
    expect(r.of(Float32Array.from([NaN, NaN]))).toEqual([0, 1]);
  });
});
