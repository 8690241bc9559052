/** Boxcar smoothing (review/smooth.ts): the averages a reviewer would compute by hand, gaps kept. */
import { describe, expect, it } from 'vitest';
import { Smoother } from '../../../src-renderer/review/smooth';

const f32 = (xs: number[]) => Float32Array.from(xs);
const round = (a: Float32Array | null) => Array.from(a ?? [], (v) => (Number.isNaN(v) ? NaN : Math.round(v * 1e4) / 1e4));

describe('boxcar smoothing', () => {
  it('leaves the spectrum as it is at width 0 and 1', () => {
    const flux = f32([1, 2, 3]);
    const s = new Smoother();
    expect(s.apply(flux, null, 0).flux).toBe(flux);
    expect(s.apply(flux, null, 1).flux).toBe(flux);
  });

  it('averages each pixel with its neighbours, the window cut at the ends', () => {
    const s = new Smoother();
    // width 3: (1+2)/2, (1+2+3)/3, (2+3+4)/3, (3+4+5)/3, (4+5)/2
    expect(round(s.apply(f32([1, 2, 3, 4, 5]), null, 3).flux)).toEqual([1.5, 2, 3, 4, 4.5]);
    // width 4 reaches one further right: [i-1, i+2]
    expect(round(s.apply(f32([1, 2, 3, 4, 5]), null, 4).flux)).toEqual([2, 2.5, 3.5, 4, 4.5]);
  });

  it('turns a noisy flat spectrum flat: a spike of 10 over 5 pixels is 2', () => {
    const flux = f32([0, 0, 0, 0, 10, 0, 0, 0, 0]);
    expect(round(new Smoother().apply(flux, null, 5).flux)).toEqual([0, 0, 2, 2, 2, 2, 2, 0, 0]);
  });

  it('keeps a NaN gap a gap, and its neighbours average only the finite pixels', () => {
    const flux = f32([1, 3, NaN, NaN, 5, 7]);
    const out = round(new Smoother().apply(flux, null, 3).flux);
    expect(out).toEqual([2, 2, NaN, NaN, 6, 6]);
  });

  it('gives the error of the mean, √(Σσ²)/n, over the same pixels', () => {
    const flux = f32([1, 1, 1, 1]);
    const sigma = f32([2, 2, 2, 2]);
    const out = new Smoother().apply(flux, sigma, 3);
    // Interior: √(3·4)/3 = 1.1547; ends: √(2·4)/2 = 1.4142.
    expect(round(out.sigma)).toEqual([1.4142, 1.1547, 1.1547, 1.4142]);
  });

  it('reuses its output arrays from one spectrum to the next (no allocation per key)', () => {
    const s = new Smoother();
    const a = s.apply(f32([1, 2, 3, 4]), f32([1, 1, 1, 1]), 3);
    const firstFlux = a.flux;
    const firstSigma = a.sigma;
    const b = s.apply(f32([4, 3, 2, 1]), f32([1, 1, 1, 1]), 5);
    expect(b.flux).toBe(firstFlux);
    expect(b.sigma).toBe(firstSigma);
    expect(round(b.flux)).toEqual([3, 2.5, 2.5, 2]);
  });
});
