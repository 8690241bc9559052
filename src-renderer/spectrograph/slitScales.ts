/**
 * The spectrograph view's strip scales. Each fibre's plot has its own robust range (with zero
 * in it, so negative flux shows below the zero line); the strip compares fibres, so its scale is
 * shared, and asinh-compressed for flux so a few bright stars do not flatten every other bar.
 */
import type { Thumbnail } from '../spectra/thumbnail';

export interface SlitScales {
  /** The strip's flux axis is asinh(flux / medSoft): linear near zero (negative flux shows), logarithmic for bright stars. */
  medSoft: number;
  medLo: number;
  medHi: number;
  snrHi: number;
}

function quantile(sorted: Float64Array, q: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.floor((sorted.length - 1) * q)]!;
}

export function slitScales(byFibre: readonly (Thumbnail | undefined)[]): SlitScales {
  const thumbs = byFibre.filter((t): t is Thumbnail => t !== undefined);
  const medians = Float64Array.from(thumbs.filter((t) => t.medianFlux === t.medianFlux), (t) => t.medianFlux).sort();
  const snrs = Float64Array.from(thumbs.filter((t) => t.medianSnr !== null && t.medianSnr === t.medianSnr), (t) => t.medianSnr!).sort();
  // Stars differ by a factor of hundreds in brightness; on a log-like axis a block of fibres
  // lifted (stray light) or pushed below zero (over-subtracted sky) still stands out.
  const medSoft = Math.max(1, Math.abs(quantile(medians, 0.25)));
  const medLo = Math.min(0, Math.asinh(quantile(medians, 0) / medSoft));
  const medHi = Math.max(Math.asinh(quantile(medians, 1) / medSoft), medLo + 1);
  return { medSoft, medLo, medHi, snrHi: Math.max(1, quantile(snrs, 0.9) * 1.5) };
}
