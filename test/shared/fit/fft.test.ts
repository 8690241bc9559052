import { describe, expect, it } from 'vitest';
import { fft, fftRealPair, nextFftSize } from '../../../shared/fit/fft';
import { rng } from './support';

function naiveDft(re: Float64Array, im: Float64Array, inverse: boolean): [Float64Array, Float64Array] {
  const n = re.length;
  const outR = new Float64Array(n);
  const outI = new Float64Array(n);
  const sign = inverse ? 1 : -1;
  for (let k = 0; k < n; k++) {
    for (let j = 0; j < n; j++) {
      const a = (sign * 2 * Math.PI * ((j * k) % n)) / n;
      outR[k] = outR[k]! + re[j]! * Math.cos(a) - im[j]! * Math.sin(a);
      outI[k] = outI[k]! + re[j]! * Math.sin(a) + im[j]! * Math.cos(a);
    }
    if (inverse) {
      outR[k] = outR[k]! / n;
      outI[k] = outI[k]! / n;
    }
  }
  return [outR, outI];
}

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => Math.max(...Array.from(a, (v, i) => Math.abs(v - b[i]!)));

describe('fft', () => {
  for (const n of [1, 2, 4, 8, 64, 512, 3, 6, 12, 48, 384]) {
    for (const inverse of [false, true]) {
      it(`matches a naive DFT at n = ${n}${inverse ? ' (inverse)' : ''}`, () => {
        const r = rng(n + (inverse ? 1000 : 0));
        const re = Float64Array.from({ length: n }, r.gauss);
        const im = Float64Array.from({ length: n }, r.gauss);
        const [wantR, wantI] = naiveDft(re, im, inverse);
        fft(re, im, inverse);
        expect(maxDiff(re, wantR)).toBeLessThan(1e-9);
        expect(maxDiff(im, wantI)).toBeLessThan(1e-9);
      });
    }
  }

  for (const [n, name] of [
    [16384, '2^14'],
    [12288, '3·2^12'],
  ] as const) {
    it(`inverts itself at ${name} to rounding error`, () => {
      const r = rng(n);
      const re = Float64Array.from({ length: n }, r.gauss);
      const im = new Float64Array(n);
      const copy = re.slice();
      fft(re, im);
      fft(re, im, true);
      expect(maxDiff(re, copy)).toBeLessThan(1e-12);
      expect(maxDiff(im, new Float64Array(n))).toBeLessThan(1e-12);
    });
  }

  it('splits two real signals out of one complex transform', () => {
    const r = rng(3);
    const a = Float64Array.from({ length: 50 }, r.gauss);
    const b = Float64Array.from({ length: 40 }, r.gauss);
    const [A, B] = fftRealPair(a, b, 64);
    for (const [x, X] of [[a, A], [b, B]] as const) {
      const re = new Float64Array(64);
      re.set(x);
      const [wantR, wantI] = naiveDft(re, new Float64Array(64), false);
      expect(maxDiff(X.re, wantR)).toBeLessThan(1e-9);
      expect(maxDiff(X.im, wantI)).toBeLessThan(1e-9);
    }
  });

  it('refuses a size that is neither 2^k nor 3·2^k, and picks the smallest that is', () => {
    expect(() => fft(new Float64Array(10), new Float64Array(10))).toThrow(/neither a power of two nor three times one/);
    expect(() => fft(new Float64Array(9), new Float64Array(9))).toThrow(/neither/);
    // LAMOST: the QSOs' 8130 shifts on 3909 pixels, the galaxies' 4150, the CV stars' 27.
    expect(nextFftSize(3909 + 8129)).toBe(12288);
    expect(nextFftSize(3909 + 4149)).toBe(8192);
    expect(nextFftSize(3909 + 26)).toBe(4096);
    expect(nextFftSize(6145)).toBe(8192);
    expect(nextFftSize(6144)).toBe(6144);
  });
});
