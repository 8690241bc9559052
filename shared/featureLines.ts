/**
 * The lines a clicked feature can be put on (click the feature, then Shift + the line's key):
 * z becomes λ_clicked / λ_rest − 1. Rest wavelengths are the line list's vacuum values
 * (shared/lines.ts), so the markers land exactly on the feature afterwards.
 */
import { linesNamed } from './lines';

export const FEATURE_LINES = ['Hα', 'Hβ', '[O III] 5008', 'Mg II', 'C IV', 'Lyα', 'Ca K'] as const;
export type FeatureLine = (typeof FEATURE_LINES)[number];

/** Which component of a line name: [O III] is the doublet's stronger, redder 5008 Å line. */
const SOURCE: Readonly<Record<FeatureLine, { name: string; index: number }>> = {
  Hα: { name: 'Hα', index: 0 },
  Hβ: { name: 'Hβ', index: 0 },
  '[O III] 5008': { name: '[O III]', index: 1 },
  'Mg II': { name: 'Mg II', index: 0 },
  'C IV': { name: 'C IV', index: 0 },
  Lyα: { name: 'Lyα', index: 0 },
  'Ca K': { name: 'Ca K', index: 0 },
};

/** Rest vacuum wavelength, Å. */
export function featureLineRest(line: FeatureLine): number {
  const { name, index } = SOURCE[line];
  return linesNamed(name)[index]!.vacuum;
}

/** The z that puts `line` at the observed wavelength `clicked` (Å). */
export function zPutting(line: FeatureLine, clicked: number): number {
  return Math.round((clicked / featureLineRest(line) - 1) * 1e5) / 1e5;
}
