/**
 * The redshift and class fit: for every template set, χ² over its redshift grid (steps of
 * one log-λ pixel, FFT correlations), minima refined below the step, candidates across
 * classes best first, the model at the best. Pure: runs in a browser worker and in Node.
 */
import { dataSpectra, setSpectra, type DataSpectra, type ShiftPlan } from './correlate';
import { FEW_LAGS_MAX } from './blocks';
import { fewLagCurves, setCurves, type SetCurve } from './chi2';
import { prepareData, POLY_TERMS, type FitData, type FitInput } from './data';
import { nextFftSize } from './fft';
import { globalMinimum, localMinima, type Minimum } from './minima';
import { modelAt } from './model';
import { galaxyZMax, qsoPlausible } from './plausible';
import { onLogGrid } from './resample';
import { ensembleSubclass } from './subclass';
import type { FitClass, TemplateLibrary, TemplateSet } from './templates';

export const Z_RANGES: Readonly<Record<FitClass, readonly [number, number]>> = {
  GALAXY: [0, 1.6],
  QSO: [0, 5.5],
  STAR: [-0.003, 0.003],
};

/** Candidates of one class closer than this in velocity are one (c·Δz/(1+z) < 1000 km/s). */
export const DISTINCT_DZ = 1000 / 299792.458;

export interface FitOptions {
  /** How many candidates to keep across classes (default 5). */
  candidates?: number;
  zRanges?: Partial<Record<FitClass, readonly [number, number]>>;
  /**
   * false: the candidates' models are not computed (model empty, models []), one least-squares
   * solve per candidate saved, for a caller that draws none (`specvet fit`). Default true.
   */
  models?: boolean;
}

export interface FitCandidate {
  class: FitClass;
  /** LAMOST-style subclass of a star (the first single-template one: from all templates fitting about as well, subclass.ts), else null. */
  subclass: string | null;
  /** The template: NAMEi of a stellar row, else the file. */
  template: string;
  z: number;
  zErr: number;
  chi2: number;
  /** At the end of the class's z range: a bound, not a minimum. */
  atEdge: boolean;
}

export interface ClassCurve {
  class: FitClass;
  /** Increasing z, one log-λ pixel apart; for STAR the lowest χ² of any stellar template. */
  z: Float64Array;
  chi2: Float64Array;
}

export interface FitSuccess {
  ok: true;
  best: FitCandidate;
  candidates: FitCandidate[];
  curves: ClassCurve[];
  /** Pixels used and parameters of the best model (templates + polynomial). */
  pixels: number;
  params: number;
  reducedChi2: number;
  /** χ² of the second candidate minus the best's; null with one candidate. */
  deltaChi2: number | null;
  /** The best model on the spectrum's pixels (empty with the option models: false). */
  model: Float32Array;
  /** Each candidate's model, in candidates' order (models[0] is model): what the review screen steps through. */
  models: Float32Array[];
}

export interface FitFailure {
  ok: false;
  /** One sentence starting "cannot fit:". */
  reason: string;
}

export type FitResult = FitSuccess | FitFailure;

interface Found extends FitCandidate {
  curve: SetCurve;
  s: number;
}

export function fitSpectrum(stored: FitInput, lib: TemplateLibrary, options: FitOptions = {}): FitResult {
  // Off the templates' grid (a linear one, another step): resampled onto it, models brought back.
  const grid = onLogGrid(stored, lib.step);
  if (typeof grid === 'string') return { ok: false, reason: grid };
  const input = grid.input;
  const data = prepareData(input, lib.step);
  if (typeof data === 'string') return { ok: false, reason: data };
  const ranges = { ...Z_RANGES, ...options.zRanges };
  const planned = lib.sets.map((set) => ({ set, plan: shiftPlan(set, data, ranges[set.class]) })).filter((p): p is { set: TemplateSet; plan: ShiftPlan } => p.plan !== null);
  if (planned.length === 0) {
    const lo = 10 ** (data.logLam0 + data.first * data.step);
    const hi = 10 ** (data.logLam0 + data.last * data.step);
    return { ok: false, reason: `cannot fit: the spectrum's ${lo.toFixed(0)}–${hi.toFixed(0)} Å lies outside every template's range at the allowed redshifts` };
  }
  const bySize = new Map<number, DataSpectra>();
  const curves: SetCurve[] = [];
  for (const { set, plan } of planned) {
    if (set.mode === 'each' && plan.sMax - plan.sMin < FEW_LAGS_MAX) {
      curves.push(...fewLagCurves(set, data, plan));
      continue;
    }
    let ds = bySize.get(plan.size);
    if (!ds) bySize.set(plan.size, (ds = dataSpectra(data, plan.size)));
    curves.push(...setCurves(set, data, plan, ds, setSpectra(set, plan)));
  }
  // Galaxy minima are sought above the stars' range and where the rest-frame optical is on the data (plausible.ts).
  const galaxySearch = [Math.ceil(Math.log10(1 + ranges.STAR[1]) / data.step), Math.floor(Math.log10(1 + galaxyZMax(data)) / data.step)] as const;
  const found = curves.flatMap((c) => minimaOf(c, data.step, c.set.class === 'GALAXY' ? galaxySearch : [-Infinity, Infinity]));
  if (found.length === 0) return { ok: false, reason: 'cannot fit: no χ² minimum of any class inside the redshifts searched' };
  // Each minimum's model solved once: a QSO's serves both the check below and the candidates.
  const solved = new Map<Found, Float32Array>();
  const modelOf = (f: Found) => solved.get(f) ?? solved.set(f, modelAt(f.curve.set, f.curve.row, data, input.flux, f.s).model).get(f)!;
  // A QSO minimum whose model shows no broad line standing out is no QSO (plausible.ts); checked
  // only where it would become a candidate. If none is left but implausible QSOs, those stand.
  const plausible = (f: Found) => f.class !== 'QSO' || qsoPlausible(modelOf(f), data, f.z);
  const count = options.candidates ?? 5;
  const picked = pickCandidates(found, count, plausible);
  const candidates = picked.length > 0 ? picked : pickCandidates(found, count, () => true);
  withStarSubclass(candidates, found, data.used - 1 - POLY_TERMS);
  const best = candidates[0]!;
  const models = options.models === false ? [] : candidates.map((c) => grid.back(modelOf(c)));
  const params = (best.curve.row === null ? best.curve.set.rows.length : 1) + POLY_TERMS;
  return {
    ok: true,
    best: strip(best),
    candidates: candidates.map(strip),
    curves: classCurves(curves, data.step),
    pixels: data.used,
    params,
    reducedChi2: best.chi2 / Math.max(1, data.used - params),
    deltaChi2: candidates.length > 1 ? candidates[1]!.chi2 - best.chi2 : null,
    model: models[0] ?? new Float32Array(0),
    models,
  };
}

/**
 * Shifts at which the set covers every weighted pixel: template pixel j = i + q − s must lie
 * inside the template for i from the first to the last weighted pixel.
 */
export function shiftPlan(set: TemplateSet, data: FitData, [zMin, zMax]: readonly [number, number]): ShiftPlan | null {
  const q = (data.logLam0 - set.logLam0) / set.step;
  const qi = Math.round(q);
  const qf = q - qi;
  const nT = set.rows[0]?.length ?? 0;
  const sMin = Math.max(Math.ceil(Math.log10(1 + zMin) / set.step - 1e-9), Math.ceil(data.last + q - (nT - 1) - 1e-9));
  const sMax = Math.min(Math.floor(Math.log10(1 + zMax) / set.step + 1e-9), Math.floor(data.first + q + 1e-9));
  // Three shifts at least: a minimum needs neighbours.
  if (nT === 0 || sMax - sMin < 2) return null;
  return { sMin, sMax, qi, qf, size: nextFftSize(data.n + sMax - sMin) };
}

function zOf(s: number, step: number): number {
  return 10 ** (s * step) - 1;
}

/** The curve's minima at shifts from…to (one found at either end is a bound, flagged atEdge). */
function minimaOf(curve: SetCurve, step: number, [from, to]: readonly [number, number]): Found[] {
  const apart = Math.log10(1 + DISTINCT_DZ) / step;
  const start = Math.max(0, from - curve.sMin);
  const chi2 = curve.chi2.subarray(start, Math.max(start, Math.min(curve.chi2.length, to - curve.sMin + 1)));
  if (chi2.length < 3) return [];
  const sMin = curve.sMin + start;
  const mins: Minimum[] = curve.row === null ? localMinima(chi2, sMin, 5, apart) : [globalMinimum(chi2, sMin)];
  const set = curve.set;
  return mins.map((m) => {
    const z = zOf(m.s, step);
    return {
      class: set.class,
      subclass: set.subclasses[curve.row ?? 0] ?? null,
      template: curve.row === null ? set.file : (set.names[curve.row] ?? `${set.file} row ${curve.row}`),
      z,
      zErr: Math.LN10 * step * (1 + z) * m.sigma,
      chi2: m.chi2,
      atEdge: m.atEdge,
      curve,
      s: m.s,
    };
  });
}

/** Best first, `keep` ones only; of one class, a candidate within DISTINCT_DZ of a better one is dropped. */
function pickCandidates(all: Found[], count: number, keep: (f: Found) => boolean): Found[] {
  all.sort((a, b) => a.chi2 - b.chi2);
  const out: Found[] = [];
  for (const c of all) {
    if (out.length >= count) break;
    if (out.some((o) => o.class === c.class && Math.abs(o.z - c.z) / (1 + o.z) < DISTINCT_DZ)) continue;
    if (!keep(c)) continue;
    out.push(c);
  }
  return out;
}

/**
 * The first candidate of a single stellar template takes the subclass of every stellar
 * template's best fit together (subclass.ts: the sparse SDSS set, one template, is too coarse);
 * dof is one template's fit's.
 */
function withStarSubclass(candidates: Found[], found: readonly Found[], dof: number): void {
  const star = candidates.find((c) => c.class === 'STAR' && c.curve.row !== null);
  if (star) star.subclass = ensembleSubclass(found.filter((f) => f.class === 'STAR' && f.curve.row !== null), dof);
}

function strip(f: Found): FitCandidate {
  return { class: f.class, subclass: f.subclass, template: f.template, z: f.z, zErr: f.zErr, chi2: f.chi2, atEdge: f.atEdge };
}

/** One curve per class: the lowest χ² of the class's curves at each shift. */
function classCurves(curves: SetCurve[], step: number): ClassCurve[] {
  const out: ClassCurve[] = [];
  for (const cls of ['GALAXY', 'QSO', 'STAR'] as const) {
    const mine = curves.filter((c) => c.set.class === cls);
    if (mine.length === 0) continue;
    const lo = Math.min(...mine.map((c) => c.sMin));
    const hi = Math.max(...mine.map((c) => c.sMin + c.chi2.length - 1));
    const chi2 = new Float64Array(hi - lo + 1).fill(Infinity);
    for (const c of mine) for (let t = 0; t < c.chi2.length; t++) chi2[c.sMin - lo + t] = Math.min(chi2[c.sMin - lo + t]!, c.chi2[t]!);
    const z = new Float64Array(chi2.length);
    for (let t = 0; t < z.length; t++) z[t] = zOf(lo + t, step);
    out.push({ class: cls, z, chi2 });
  }
  return out;
}
