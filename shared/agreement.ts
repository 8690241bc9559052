/**
 * When two answers about one spectrum disagree: a different class, redshifts apart by
 * |Δz| / (1 + z) ≥ 0.0033 (≈ 1000 km/s, the usual threshold for a catastrophic redshift
 * failure in survey comparisons), or — when both carry a quality — qualities 2 or more apart.
 * z in the denominator is the earlier answer's (the reference). Quality 0 means "not set" and
 * is never compared. The review screen's ≠ mark and the coordinator's recheck list both ask
 * this one function, so they can never disagree about a disagreement.
 */
import type { SpecClass } from './model';

export const Z_DISAGREEMENT = 0.0033;
export const QUALITY_DISAGREEMENT = 2;

/** The thresholds, configurable for the recheck list (`specvet recheck list --dz --dq`). */
export interface AgreementThresholds {
  /** |Δz| / (1 + z) at or above which two redshifts disagree. */
  dz: number;
  /** Quality difference at or above which two qualities disagree. */
  quality: number;
}

export const DEFAULT_THRESHOLDS: AgreementThresholds = { dz: Z_DISAGREEMENT, quality: QUALITY_DISAGREEMENT };

/** Refuses thresholds no list could use, in the one line the CLI, the app and the server all give. */
export function checkThresholds(t: AgreementThresholds): void {
  if (!(t.dz > 0 && t.dz < 1)) throw new RangeError(`the redshift threshold |Δz|/(1+z) must be between 0 and 1, got ${t.dz}`);
  if (!(Number.isInteger(t.quality) && t.quality >= 1 && t.quality <= 4)) throw new RangeError(`the quality threshold must be a whole number 1–4, got ${t.quality}`);
}

export interface Answer {
  class: SpecClass;
  z: number;
  /** 1–4; 0 or absent: not set (the pipeline's answer has none). */
  quality?: number;
}

export function disagrees(reference: Answer, other: Answer, t: AgreementThresholds = DEFAULT_THRESHOLDS): boolean {
  if (reference.class !== other.class) return true;
  if (Math.abs(other.z - reference.z) / (1 + reference.z) >= t.dz) return true;
  const a = reference.quality ?? 0;
  const b = other.quality ?? 0;
  return a > 0 && b > 0 && Math.abs(a - b) >= t.quality;
}
