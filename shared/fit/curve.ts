/** Reading a fit's χ²(z) curves. */
import type { ClassCurve } from './fit';

/** χ² of the class's curve at the grid point nearest z; null when z lies off the curve. */
export function chi2At(curves: readonly ClassCurve[], cls: string, z: number): number | null {
  const c = curves.find((x) => x.class === cls);
  if (!c || c.z.length < 2) return null;
  const half = (c.z[1]! - c.z[0]!) / 2;
  if (!(z >= c.z[0]! - half && z <= c.z[c.z.length - 1]! + half)) return null;
  let lo = 0;
  let hi = c.z.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (c.z[mid]! <= z) lo = mid;
    else hi = mid;
  }
  const t = Math.abs(c.z[hi]! - z) < Math.abs(z - c.z[lo]!) ? hi : lo;
  return Number.isFinite(c.chi2[t]!) ? c.chi2[t]! : null;
}
