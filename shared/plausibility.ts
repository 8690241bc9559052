/**
 * A class and a redshift that contradict each other: questioned before a verdict is saved, in the
 * app and in the CLI, by this one rule. These are questions, not refusals — a reviewer who looked
 * may still save (a hypervelocity star, a galaxy in the Local Group).
 */
import type { SpecClass } from './model';

/**
 * |z| of a star above 0.005 (1500 km/s) is beyond all but a few hypervelocity stars in the whole
 * sky; a galaxy or QSO below 0.002 (600 km/s) moves like a star, the usual sign of a star taken
 * for a galaxy; a galaxy beyond 1.5 would have every strong optical line, [O II] 3727 included,
 * past LAMOST's red end at 9100 Å.
 */
export const PLAUSIBLE_Z: Readonly<Record<SpecClass, { min: number; max: number } | null>> = {
  STAR: { min: -0.005, max: 0.005 },
  GALAXY: { min: 0.002, max: 1.5 },
  QSO: { min: 0.002, max: 8 },
  UNKNOWN: null,
};

/** Why this class at this z is doubtful, in one line; null when nothing contradicts. */
export function classZQuestion(cls: SpecClass, z: number): string | null {
  const range = PLAUSIBLE_Z[cls];
  if (range === null || (z >= range.min && z <= range.max)) return null;
  const where = z < range.min ? `below ${range.min}` : `above ${range.max}`;
  return `a ${cls} at z ${z.toFixed(4)} is ${where}, outside ${range.min} … ${range.max} where a ${cls} is expected`;
}
