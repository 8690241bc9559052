/**
 * Correlations by direct sums, for sets fitted at a few shifts only (the stars: 27 shifts for
 * −0.003 ≤ z ≤ 0.003). A full inverse FFT computes all 4096 lags to keep 27; summing the 27
 * directly reads each data pixel once per lag for all five terms at once. Measured on the
 * real LAMOST stars (docs/assistant.md): the faster of the two for the 123 stellar templates.
 *
 * Conventions as in correlate.ts: lag m is shift s = sMax − m and
 * out[m] = Σ_i x_i · seg[i + m] with seg[j] = T(j + uMin + qf) (segment()).
 */
import { segment, type ShiftPlan } from './correlate';
import type { FitData } from './data';
import type { TemplateSet } from './templates';

/** Above this many shifts a set goes through the FFT (the sums grow with shifts × pixels). */
export const DIRECT_MAX_LAGS = 64;

/** The data side, once per spectrum: w, w·P1, w·P2, w·f interleaved over the weighted pixels. */
export interface DirectData {
  first: number;
  count: number;
  d: Float64Array;
}

const dataCache = new WeakMap<FitData, DirectData>();

export function directData(data: FitData): DirectData {
  const hit = dataCache.get(data);
  if (hit) return hit;
  const count = data.last - data.first + 1;
  const d = new Float64Array(4 * count);
  const p1 = data.wP[1]!;
  const p2 = data.wP[2]!;
  for (let i = 0, k = 0, at = data.first; i < count; i++, k += 4, at++) {
    d[k] = data.w[at]!;
    d[k + 1] = p1[at]!;
    d[k + 2] = p2[at]!;
    d[k + 3] = data.wf[at]!;
  }
  const out = { first: data.first, count, d };
  dataCache.set(data, out);
  return out;
}

const segCache = new WeakMap<TemplateSet, Map<string, Float64Array[]>>();
/** Kept per set: one grid offset serves a whole survey. */
const KEEP = 3;

/** Every row of the set shifted for this plan, long enough for n pixels at every lag; cached. */
export function directSegments(set: TemplateSet, plan: ShiftPlan, n: number): Float64Array[] {
  const uMin = plan.qi - plan.sMax;
  const len = n + plan.sMax - plan.sMin;
  const key = `${uMin}|${plan.qf.toFixed(6)}|${len}`;
  let bySet = segCache.get(set);
  if (!bySet) segCache.set(set, (bySet = new Map()));
  const hit = bySet.get(key);
  if (hit) return hit;
  const segs = set.rows.map((r) => segment(r, uMin, plan.qf, len));
  if (bySet.size >= KEEP) bySet.delete(bySet.keys().next().value!);
  bySet.set(key, segs);
  return segs;
}

/**
 * For one template row: Σ w T, Σ wP1 T, Σ wP2 T, Σ wf T and Σ w T² at lags 0…nLag−1, written
 * to out[0…nLag), out[nLag…2nLag), … (five blocks). No allocation.
 */
export function directSums(seg: Float64Array, dd: DirectData, nLag: number, out: Float64Array): void {
  const d = dd.d;
  const count = dd.count;
  for (let m = 0; m < nLag; m++) {
    let a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0;
    for (let i = 0, k = 0, j = dd.first + m; i < count; i++, k += 4, j++) {
      const t = seg[j]!;
      const wt = d[k]! * t;
      a0 += wt;
      a1 += d[k + 1]! * t;
      a2 += d[k + 2]! * t;
      a3 += d[k + 3]! * t;
      a4 += wt * t;
    }
    out[m] = a0;
    out[nLag + m] = a1;
    out[2 * nLag + m] = a2;
    out[3 * nLag + m] = a3;
    out[4 * nLag + m] = a4;
  }
}
