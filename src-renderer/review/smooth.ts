/**
 * Boxcar smoothing of the flux (and of its 1σ error) for the chart, 0–15 pixels (`.` / `,`).
 *
 * A smoothing key redraws at key-repeat rate, so `Smoother.apply()` allocates nothing once its
 * buffers have grown to the spectrum's length: one pass of prefix sums (finite flux, its count,
 * σ²), then each pixel's window is two subtractions.
 *
 * NaN gaps stay gaps and do not smear: a pixel whose flux is NaN stays NaN, and a finite
 * pixel averages only the finite pixels in its window (so the pixels beside a gap keep their
 * values instead of turning NaN). The error of that mean is √(Σσ²)/n over the same pixels.
 */

export const SMOOTH_MAX = 15;

export interface Smoothed {
  flux: Float32Array;
  /** σ of the mean in each window; null when the spectrum has no σ. */
  sigma: Float32Array | null;
}

export class Smoother {
  private sumFlux = new Float64Array(0);
  private sumVar = new Float64Array(0);
  private counts = new Int32Array(0);
  private outFlux = new Float32Array(0);
  private outSigma = new Float32Array(0);
  private readonly result: { flux: Float32Array; sigma: Float32Array | null } = { flux: this.outFlux, sigma: null };

  /**
   * Smooths over `width` pixels (centred; an even width reaches one pixel further right).
   * Width 0 or 1 returns the inputs themselves. The arrays returned are reused by the next call.
   */
  apply(flux: Float32Array, sigma: Float32Array | null, width: number): Smoothed {
    const { result } = this;
    if (width <= 1) {
      result.flux = flux;
      result.sigma = sigma;
      return result;
    }
    const n = flux.length;
    this.ensure(n);
    this.prefixSums(flux, sigma, n);
    const left = (width - 1) >> 1;
    const right = width - 1 - left;
    const { sumFlux, sumVar, counts } = this;
    const outFlux = this.outFlux;
    const outSigma = sigma ? this.outSigma : null;
    for (let i = 0; i < n; i++) {
      const f = flux[i]!;
      if (f !== f) {
        outFlux[i] = NaN;
        if (outSigma) outSigma[i] = NaN;
        continue;
      }
      const a = i - left < 0 ? 0 : i - left;
      const b = i + right + 1 > n ? n : i + right + 1;
      const count = counts[b]! - counts[a]!;
      outFlux[i] = (sumFlux[b]! - sumFlux[a]!) / count;
      if (outSigma) outSigma[i] = Math.sqrt(Math.max(0, sumVar[b]! - sumVar[a]!)) / count;
    }
    result.flux = outFlux;
    result.sigma = outSigma;
    return result;
  }

  private prefixSums(flux: Float32Array, sigma: Float32Array | null, n: number): void {
    const { sumFlux, sumVar, counts } = this;
    sumFlux[0] = 0;
    sumVar[0] = 0;
    counts[0] = 0;
    for (let i = 0; i < n; i++) {
      const f = flux[i]!;
      const finite = f === f && f !== Infinity && f !== -Infinity;
      sumFlux[i + 1] = sumFlux[i]! + (finite ? f : 0);
      counts[i + 1] = counts[i]! + (finite ? 1 : 0);
      // A finite flux with no σ (ivar 0) adds no variance: the band there is the others' only.
      const s = sigma && finite ? sigma[i]! : 0;
      sumVar[i + 1] = sumVar[i]! + (s === s ? s * s : 0);
    }
  }

  /**
   * The prefix sums grow and never shrink; the outputs are exactly n long (uPlot plots an
   * array whole), so they are new only when the length changes — a batch's spectra have the same.
   */
  private ensure(n: number): void {
    if (this.counts.length < n + 1) {
      this.sumFlux = new Float64Array(n + 1);
      this.sumVar = new Float64Array(n + 1);
      this.counts = new Int32Array(n + 1);
    }
    if (this.outFlux.length !== n) {
      this.outFlux = new Float32Array(n);
      this.outSigma = new Float32Array(n);
    }
  }
}
