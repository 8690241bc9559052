/**
 * Whether a candidate looks like its class (docs/assistant.md, "Is it a QSO? Is it a
 * galaxy?"). The QSO eigenspectra with a polynomial can reach shapes that are no QSO — a
 * galaxy's 4000 Å break taken for Lyα and the forest. As SDSS flags a QSO whose broad lines
 * come out negative (ZWARNING NEGATIVE_EMISSION), a QSO candidate counts only when at least
 * one broad line falls on the spectrum's weighted pixels, none of those that do is in
 * absorption in the fitted model, and the strongest stands out as a quasar's do. A galaxy
 * candidate counts only while the rest-frame optical is on the spectrum: beyond that the
 * eigenspectra's near-UV alone is a smooth curve that fits any smooth continuum.
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

/**
 * The strongest broad line's excess over its sides, as a share of the sides: ≥ 0.23 in every
 * demo and template-built QSO tried, ≤ 0.09 in the QSO minima of passive galaxies (a 4000 Å
 * break taken for Lyα). Weak-line quasars (~1 % of QSOs) fall below it and are left to the eye.
 */
export const QSO_MIN_PEAK = 0.15;

/** A QSO model with at least one broad line on the data, none of them in absorption, the strongest ≥ QSO_MIN_PEAK. */
export function qsoPlausible(model: ArrayLike<number>, data: FitData, z: number): boolean {
  const lines = broadLineExcess(model, data, z);
  if (lines.length === 0 || !lines.every((l) => l.excess > 0)) return false;
  return lines.some((l) => l.excess >= QSO_MIN_PEAK * sideLevel(model, l.pixel));
}

/** Mean model flux over ±SIDE[1] pixels of a line: the level its excess is measured against. */
function sideLevel(model: ArrayLike<number>, c: number): number {
  let s = 0;
  for (let i = c - SIDE[1]; i <= c + SIDE[1]; i++) s += model[i]!;
  return s / (2 * SIDE[1] + 1);
}

/** [O II] 3727 Å, the bluest of the features a galaxy's redshift rests on (then the 4000 Å break, Hβ, [O III], Hα). */
const GALAXY_BLUEST = Math.log10(3727.1);

/**
 * The highest z at which a galaxy's [O II] is on the weighted pixels (with CORE pixels of
 * room): on LAMOST's 3700–9100 Å, 1.44. Galaxy minima are sought up to here; the grid still
 * runs to the class's range (1.6) and its χ²(z) is shown.
 */
export function galaxyZMax(data: FitData): number {
  return 10 ** ((data.last - CORE) * data.step + data.logLam0 - GALAXY_BLUEST) - 1;
}
