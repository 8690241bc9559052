/**
 * When two answers about one spectrum disagree: a different class, or redshifts apart by
 * |Δz| / (1 + z) ≥ 0.0033 (≈ 1000 km/s, the usual threshold for a catastrophic redshift
 * failure in survey comparisons). z in the denominator is the earlier answer's (the reference).
 */
import type { SpecClass } from './model';

export const Z_DISAGREEMENT = 0.0033;

export interface Answer {
  class: SpecClass;
  z: number;
}

export function disagrees(reference: Answer, other: Answer): boolean {
  if (reference.class !== other.class) return true;
  return Math.abs(other.z - reference.z) / (1 + reference.z) >= Z_DISAGREEMENT;
}
