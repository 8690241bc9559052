/** Minima of χ² curves, refined below the grid step with a parabola through three points. */

export interface Minimum {
  /** Shift in pixels (fractional after refinement). */
  s: number;
  chi2: number;
  /** 1σ of s from the curvature (Δχ² = 1), pixels. */
  sigma: number;
  /** At the end of the shift range: not a true minimum, its error is one pixel by convention. */
  atEdge: boolean;
}

/** A minimum at index t of `chi2` (shift sMin + t), refined where both neighbours exist. */
export function refine(chi2: Float64Array, sMin: number, t: number): Minimum {
  const c0 = chi2[t]!;
  if (t === 0 || t === chi2.length - 1) return { s: sMin + t, chi2: c0, sigma: 1, atEdge: true };
  const cm = chi2[t - 1]!;
  const cp = chi2[t + 1]!;
  const curvature = cm - 2 * c0 + cp;
  if (!(curvature > 0)) return { s: sMin + t, chi2: c0, sigma: 1, atEdge: false };
  // χ² ≈ a (s − s*)² + min with a = curvature / 2.
  const offset = Math.max(-0.5, Math.min(0.5, (0.5 * (cm - cp)) / curvature));
  const a = curvature / 2;
  return { s: sMin + t + offset, chi2: c0 - a * offset * offset, sigma: 1 / Math.sqrt(a), atEdge: false };
}

/** The global minimum of a curve, refined. */
export function globalMinimum(chi2: Float64Array, sMin: number): Minimum {
  let best = 0;
  for (let t = 1; t < chi2.length; t++) if (chi2[t]! < chi2[best]!) best = t;
  return refine(chi2, sMin, best);
}

/**
 * Up to `count` local minima, best first, at least `apart` pixels from a better one (two
 * dips of one feature are one candidate).
 */
export function localMinima(chi2: Float64Array, sMin: number, count: number, apart: number): Minimum[] {
  const idx: number[] = [];
  const n = chi2.length;
  for (let t = 0; t < n; t++) {
    const c = chi2[t]!;
    if ((t === 0 || c <= chi2[t - 1]!) && (t === n - 1 || c < chi2[t + 1]!)) idx.push(t);
  }
  idx.sort((a, b) => chi2[a]! - chi2[b]!);
  const kept: number[] = [];
  for (const t of idx) {
    if (kept.length >= count) break;
    if (kept.every((k) => Math.abs(k - t) >= apart)) kept.push(t);
  }
  return kept.map((t) => refine(chi2, sMin, t));
}
