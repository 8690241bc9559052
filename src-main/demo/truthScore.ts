/**
 * Fitted classes and redshifts scored against a demo survey's truth (docs/assistant.md,
 * "Accuracy on the demo survey"), as the issue asks: at S/N ≥ 5 (r band), per true class.
 *
 * Spectra in a fibre range with a planted 2D fault are scored apart, as unreliable data: the
 * fault adds or takes ~600 counts, about a demo star's own level, so the spectrum's shape is
 * the spectrograph's as much as the object's. An astronomer would flag such a spectrum (the
 * spectrograph view shows the block) and neither trust nor blame a classification of it;
 * counting it as the fit's error would measure the fault, not the fit.
 */
import { Z_DISAGREEMENT } from '../../shared/agreement';
import type { SpecClass } from '../../shared/model';
import type { FaultRow, SurveyBundle } from '../survey/bundle';
import type { FitRow } from '../fit/fitFile';
import { rankSuspects } from '../fit/suspects';

/** The floor: below it a spectrum is not scored. */
export const SCORE_MIN_SNR = 5;
/** |Δz|/(1+z) counted as the right redshift (the figure). */
export const Z_TOLERANCE = 0.001;

export interface FitAnswer {
  class: string | null;
  z: number | null;
}

export interface ClassScore {
  n: number;
  /** Class right. */
  right: number;
  /** Class right and |Δz|/(1+z) ≤ Z_TOLERANCE. */
  zRight: number;
  /** Class right and |Δz|/(1+z) < Z_DISAGREEMENT (1000 km/s): no ≠ mark against the truth. */
  zClose: number;
  /** "true → fitted" counts of the wrong ones. */
  confusions: Map<string, number>;
}

export type ScoreGroup = 'clean' | 'faulty' | 'lowSnr';

export type Score = Record<ScoreGroup, Map<SpecClass, ClassScore>>;

export function emptyScore(): Score {
  return { clean: new Map(), faulty: new Map(), lowSnr: new Map() };
}

/** Adds one survey's fits (rows in spec_info's order) to `into`. */
export function scoreFits(bundle: SurveyBundle, rows: readonly FitAnswer[], into: Score = emptyScore()): Score {
  const truth = new Map(bundle.truth.spectra.map((t) => [t.obsid, t]));
  const snr = new Map(bundle.obj_info.map((o) => [fibreKey(o), o.snr_r]));
  rows.forEach((r, i) => {
    const s = bundle.spec_info[i]!;
    const want = truth.get(s.obsid)!;
    const group: ScoreGroup = inFault(bundle.truth.faults, s) ? 'faulty' : (snr.get(fibreKey(s)) ?? 0) >= SCORE_MIN_SNR ? 'clean' : 'lowSnr';
    const byClass = into[group];
    let c = byClass.get(want.class);
    if (!c) byClass.set(want.class, (c = { n: 0, right: 0, zRight: 0, zClose: 0, confusions: new Map() }));
    c.n++;
    if (r.class !== want.class) {
      const key = `${want.class} → ${r.class ?? 'failed'}`;
      c.confusions.set(key, (c.confusions.get(key) ?? 0) + 1);
      return;
    }
    c.right++;
    const dz = r.z === null ? Infinity : Math.abs(r.z - want.z) / (1 + want.z);
    if (dz <= Z_TOLERANCE) c.zRight++;
    if (dz < Z_DISAGREEMENT) c.zClose++;
  });
  return into;
}

/** All classes of a group together. */
export function total(byClass: Map<SpecClass, ClassScore>): ClassScore {
  const out: ClassScore = { n: 0, right: 0, zRight: 0, zClose: 0, confusions: new Map() };
  for (const c of byClass.values()) {
    out.n += c.n;
    out.right += c.right;
    out.zRight += c.zRight;
    out.zClose += c.zClose;
    for (const [k, v] of c.confusions) out.confusions.set(k, (out.confusions.get(k) ?? 0) + v);
  }
  return out;
}

export interface SuspectScore {
  planted: number;
  suspects: number;
  /** Planted wrong answers among the suspects. */
  hits: number;
  /** Planted wrong answers among the first `planted` suspects. */
  top: number;
}

/** `batch create --suspects`'s ranking (src-main/fit/suspects.ts) against the planted wrong pipeline answers. */
export function scoreSuspects(bundle: SurveyBundle, rows: readonly FitRow[]): SuspectScore {
  const planted = new Set(bundle.truth.spectra.filter((t) => t.pipelineError !== null).map((t) => t.obsid));
  const ranked = rankSuspects(bundle.spec_info.map((s) => ({ obsid: s.obsid, class: s.class, z: s.z })), rows);
  const hits = ranked.filter((s) => planted.has(s.obsid)).length;
  const top = ranked.slice(0, planted.size).filter((s) => planted.has(s.obsid)).length;
  return { planted: planted.size, suspects: ranked.length, hits, top };
}

export function suspectLine(s: SuspectScore): string {
  return `suspects: ${s.planted} planted wrong answers, ${s.suspects} suspects; precision ${pct(s.hits, s.suspects)}, recall ${pct(s.hits, s.planted)}, ${s.top} of ${s.planted} planted among the first ${s.planted}`;
}

export function pct(a: number, b: number): string {
  return `${((100 * a) / Math.max(1, b)).toFixed(1)} %`;
}

function fibreKey(f: { lmjd: number; planid: string; spid: number; fiberid: number }): string {
  return `${f.lmjd}|${f.planid}|${f.spid}|${f.fiberid}`;
}

function inFault(faults: readonly FaultRow[], s: { lmjd: number; planid: string; spid: number; fiberid: number }): boolean {
  return faults.some((f) => f.lmjd === s.lmjd && f.planid === s.planid && f.spid === s.spid && s.fiberid >= f.fiberFrom && s.fiberid <= f.fiberTo);
}
