/**
 * The robust flux range: the 0.5 and 99.5 percentiles of the finite values, so one cosmic ray
 * does not flatten the plot. The worker uses it for a whole spectrum; the chart again for the
 * visible part after a zoom, with a scratch buffer it keeps.
 */
export const LOW_PERCENTILE = 0.005;
export const HIGH_PERCENTILE = 0.995;

export class RobustRange {
  private scratch = new Float32Array(0);

  /** The range of values[from … to] (inclusive); [0, 1] when none is finite. */
  of(values: Float32Array, from = 0, to = values.length - 1): [number, number] {
    const len = Math.max(0, to - from + 1);
    if (this.scratch.length < len) this.scratch = new Float32Array(len);
    const finite = this.scratch;
    let n = 0;
    for (let i = from; i <= to; i++) {
      const v = values[i]!;
      if (v === v && v !== Infinity && v !== -Infinity) finite[n++] = v;
    }
    if (n === 0) return [0, 1];
    const sorted = finite.subarray(0, n).sort();
    const lo = sorted[Math.floor((n - 1) * LOW_PERCENTILE)]!;
    const hi = sorted[Math.ceil((n - 1) * HIGH_PERCENTILE)]!;
    return lo === hi ? [lo - 1, hi + 1] : [lo, hi];
  }
}
