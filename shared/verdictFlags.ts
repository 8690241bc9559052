/**
 * What can be wrong with a spectrum's data, as a reviewer marks it on a verdict: one fixed
 * vocabulary, so that flags can be counted and searched across reviewers (free text goes in the
 * comment). Kept free of zod: the renderer imports it (see shared/ranges.ts).
 */

export const VERDICT_FLAGS = [
  'bad-sky-subtraction',
  'stray-light',
  'negative-flux',
  'cosmic-ray',
  'two-objects',
  'broad-absorption-lines',
  'bad-fibre',
  'other',
] as const;
export type VerdictFlag = (typeof VERDICT_FLAGS)[number];

/** How each flag reads in the picker and the side panel. */
export const FLAG_TEXT: Readonly<Record<VerdictFlag, string>> = {
  'bad-sky-subtraction': 'bad sky subtraction',
  'stray-light': 'stray light',
  'negative-flux': 'negative flux',
  'cosmic-ray': 'cosmic ray',
  'two-objects': 'two objects in the fibre',
  'broad-absorption-lines': 'broad absorption lines (BAL)',
  'bad-fibre': 'bad fibre',
  other: 'other (say what in the comment)',
};

export function isVerdictFlag(s: string): s is VerdictFlag {
  return (VERDICT_FLAGS as readonly string[]).includes(s);
}

/** The line a refused flag gets, wherever it was typed. */
export function unknownFlagMessage(flag: string): string {
  return `"${flag}" is not a flag; use one of ${VERDICT_FLAGS.join(', ')}`;
}
