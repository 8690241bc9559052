/** χ²(s) of a template set (or of each row of an 'each' set) over its whole shift range. */
import { correlate, type DataSpectra, type Job, type SetSpectra, type ShiftPlan } from './correlate';
import { explained, POLY_TERMS, type FitData } from './data';
import { BLOCK_TERMS, blockData, blockScratch, blockSums, blockTemplates } from './blocks';
import type { Spectrum2 } from './fft';
import { leadPositive, type TemplateSet } from './templates';

export interface SetCurve {
  set: TemplateSet;
  /** The row of an 'each' set this curve belongs to; null for a set fitted as a whole. */
  row: number | null;
  /** Shift of chi2[0], in pixels; chi2[t] is at s = sMin + t. */
  sMin: number;
  chi2: Float64Array;
}

/** Every curve of a set: one for a 'pca' set, one per row for an 'each' set. */
export function setCurves(set: TemplateSet, data: FitData, plan: ShiftPlan, ds: DataSpectra, sp: SetSpectra): SetCurve[] {
  const jobs: Job[] = [];
  lags.used = 0;
  const curve = (row: number | null, terms: Terms) => ({ set, row, sMin: plan.sMin, terms });
  const pending =
    set.mode === 'pca'
      ? [curve(null, groupTerms(set.rows.map((_, k) => k), sp.products, plan, ds, sp, jobs))]
      : set.rows.map((_, r) => curve(r, groupTerms([r], [sp.products[r]!], plan, ds, sp, jobs)));
  // All rows' correlations in one batch: two per inverse FFT, none wasted on an odd count.
  correlate(jobs, plan.size);
  return pending.map(({ terms, ...c }) => ({ ...c, chi2: solveLags(terms, data, leadPositive(set)) }));
}

/**
 * Every curve of an 'each' set at a few shifts, by blocks (blocks.ts): one scratch buffer for
 * the five terms, reused row after row, each row's χ² solved as soon as its sums are in.
 */
export function fewLagCurves(set: TemplateSet, data: FitData, plan: ShiftPlan): SetCurve[] {
  const nLag = plan.sMax - plan.sMin + 1;
  const dd = blockData(data, nLag);
  const rows = blockTemplates(set, plan, data.n);
  const work = blockScratch();
  const sums = new Float64Array(BLOCK_TERMS * nLag);
  const view = (i: number) => [sums.subarray(i * nLag, (i + 1) * nLag)];
  const terms: Terms = { K: 1, nLag, tw: view(0), tp1: view(1), tp2: view(2), tf: view(3), prod: view(4) };
  return rows.map((row, r) => {
    blockSums(row, dd, work, sums);
    return { set, row: r, sMin: plan.sMin, chi2: solveLags(terms, data, leadPositive(set)) };
  });
}

/** The correlations a group of rows needs, queued on `jobs`; filled in by correlate(). */
function groupTerms(rows: number[], products: readonly Spectrum2[], plan: ShiftPlan, ds: DataSpectra, sp: SetSpectra, jobs: Job[]): Terms {
  const nLag = plan.sMax - plan.sMin + 1;
  const lag = () => takeLags(nLag);
  const tw = rows.map(lag), tp1 = rows.map(lag), tp2 = rows.map(lag), tf = rows.map(lag);
  const prod = products.map(lag);
  rows.forEach((r, k) => {
    const t = sp.single[r]!;
    jobs.push({ data: ds.w, template: t, out: tw[k]! }, { data: ds.wP1, template: t, out: tp1[k]! });
    jobs.push({ data: ds.wP2, template: t, out: tp2[k]! }, { data: ds.wf, template: t, out: tf[k]! });
  });
  products.forEach((p, i) => jobs.push({ data: ds.w, template: p, out: prod[i]! }));
  return { K: rows.length, nLag, tw, tp1, tp2, tf, prod };
}

/**
 * Where a set's correlations land: one buffer kept from fit to fit (a QSO set's are ~1.7 MB;
 * fresh ones each fit cost page faults and GC), handed out from `used` on, which setCurves
 * resets: a set's terms are solved before the next set's are taken.
 */
const lags = { buffer: new Float64Array(0), used: 0 };

function takeLags(nLag: number): Float64Array {
  if (lags.used + nLag > lags.buffer.length) {
    // Views already handed out keep the old buffer alive until they are solved.
    lags.buffer = new Float64Array(Math.max(2 * lags.buffer.length, 64 * nLag));
    lags.used = 0;
  }
  lags.used += nLag;
  return lags.buffer.subarray(lags.used - nLag, lags.used);
}

interface Terms {
  K: number;
  nLag: number;
  tw: Float64Array[];
  tp1: Float64Array[];
  tp2: Float64Array[];
  tf: Float64Array[];
  prod: Float64Array[];
}

/**
 * χ² = Σ w f² − βᵀA⁻¹β at every lag. Lag m is shift s = sMax − m; the curve is returned by
 * increasing s. With `positive` (one stellar template), a negative amplitude is no fit: the
 * polynomial alone stands.
 */
function solveLags(t: Terms, data: FitData, positive: boolean): Float64Array {
  const { K, nLag } = t;
  const n = K + POLY_TERMS;
  const A = new Float64Array(n * n);
  const b = new Float64Array(n);
  const L = new Float64Array(n * n);
  const y = new Float64Array(n);
  const coef = positive ? new Float64Array(n) : null;
  for (let p = 0; p < POLY_TERMS; p++) {
    for (let q = 0; q < POLY_TERMS; q++) A[(K + p) * n + K + q] = data.polyA[p * POLY_TERMS + q]!;
    b[K + p] = data.polyB[p]!;
  }
  const out = new Float64Array(nLag);
  for (let m = 0; m < nLag; m++) {
    let pi = 0;
    for (let k = 0; k < K; k++) {
      for (let l = k; l < K; l++, pi++) A[k * n + l] = A[l * n + k] = t.prod[pi]![m]!;
      A[k * n + K] = A[K * n + k] = t.tw[k]![m]!;
      A[k * n + K + 1] = A[(K + 1) * n + k] = t.tp1[k]![m]!;
      A[k * n + K + 2] = A[(K + 2) * n + k] = t.tp2[k]![m]!;
      b[k] = t.tf[k]![m]!;
    }
    let chi2 = data.sumWff - explained(A, b, n, L, y, coef);
    if (coef && !(coef[0]! > 0)) chi2 = data.polyChi2;
    out[nLag - 1 - m] = Math.max(0, chi2);
  }
  return out;
}
