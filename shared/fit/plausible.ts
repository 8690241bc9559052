/**
 * Whether a QSO candidate looks like a QSO (docs/assistant.md, "Choosing the class"): the
 * QSO eigenspectra with a polynomial can reach shapes that are no QSO — a galaxy's 4000 Å
 * break taken for a Lyman limit, its absorption lines for the Lyα forest. As SDSS flags a QSO
 * whose broad lines come out negative (ZWARNING NEGATIVE_EMISSION), a QSO candidate counts
 * only when at least one broad line falls on the spectrum's weighted pixels and none of those
 * that do is in absorption in the fitted model.
 */
import type { FitData } from './data';

/** Broad lines checked, vacuum Å (the SDSS list plus Lyα; as in shared/lines, which this layer may not import). */
const BROAD = [1215.67, 1549.48, 1908.73, 2799.49, 4862.68, 6564.61].map(Math.log10);
/** Core ±15 pixels (±1000 km/s), sides 40–80 pixels away (2800–5500 km/s), in log-λ pixels. */
const CORE = 15;
const SIDE = [40, 80] as const;

/** Model flux excess over its sides at each broad line on the data (pixel, excess). */
export function broadLineExcess(model: ArrayLike<number>, data: FitData, z: number): { pixel: number; excess: number }[] {
  const out: { pixel: number; excess: number }[] = [];
  for (const logRest of BROAD) {
    const c = Math.round((logRest + Math.log10(1 + z) - data.logLam0) / data.step);
    if (c - SIDE[1] < data.first || c + SIDE[1] > data.last) continue;
    const mean = (a: number, b: number) => {
      let s = 0;
      for (let i = a; i <= b; i++) s += model[i]!;
      return s / (b - a + 1);
    };
    const side = (mean(c - SIDE[1], c - SIDE[0]) + mean(c + SIDE[0], c + SIDE[1])) / 2;
    out.push({ pixel: c, excess: mean(c - CORE, c + CORE) - side });
  }
  return out;
}

/** A QSO model with at least one broad line on the data and none of them in absorption. */
export function qsoPlausible(model: ArrayLike<number>, data: FitData, z: number): boolean {
  const lines = broadLineExcess(model, data, z);
  return lines.length > 0 && lines.every((l) => l.excess > 0);
}
