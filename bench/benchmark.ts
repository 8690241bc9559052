/**
 * A benchmark: measures something a user would feel and states its target.
 * Files named bench/*.bench.ts export `benchmarks: Benchmark[]`; `npm run bench` runs them all.
 */
export interface Target {
  /** 'max': the median must be at most `value`; 'min': at least `value`. */
  kind: 'max' | 'min';
  value: number;
  /** Where the figure is judged on something other than the median (e.g. p95), say which. */
  on?: 'median' | 'p95';
}

export interface Result {
  /** Raw measurements in `unit`; the runner takes median and p95 from them. */
  samples: number[];
  /** A different verdict than the target alone gives (e.g. "and no growth after 200"). */
  pass?: boolean;
  note?: string;
}

export interface Benchmark {
  name: string;
  unit: string;
  /** null: reported for comparison only (e.g. astropy on the same files). */
  target: Target | null;
  run(): Promise<Result | null>;
}

export function median(xs: readonly number[]): number {
  return quantile(xs, 0.5);
}

export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return s[lo]! + (s[hi]! - s[lo]!) * (i - lo);
}

/** Times `fn` `n` times after `warmup` calls; returns milliseconds per call. */
export async function timeEach(n: number, fn: (i: number) => unknown, warmup = Math.min(20, n)): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    out.push(performance.now() - t0);
  }
  return out;
}
