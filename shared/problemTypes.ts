/**
 * The kinds of 2D problem a spectrograph view can report, and where each report goes by its
 * origin. Zod-free, so the renderer can show the pickers without bundling the schemas; the
 * words are the 2D team's (ProblemInput.type holds the `id`).
 */
import type { ProblemOrigin } from './model';

export const PROBLEM_TYPES = [
  { id: 'stray-light', label: 'stray light' },
  { id: 'negative-flux', label: 'negative flux' },
  { id: 'bad-sky-subtraction', label: 'bad sky subtraction' },
  { id: 'bad-flat', label: 'bad flat' },
  { id: 'cosmic-rays', label: 'cosmic rays' },
  { id: 'broken-fibres', label: 'broken fibres' },
  { id: 'other', label: 'other' },
] as const;
export type ProblemType = (typeof PROBLEM_TYPES)[number]['id'];

/** What happens to a report of each origin. */
export const ORIGIN_TEXT: Readonly<Record<ProblemOrigin, string>> = {
  raw: 'raw data — the exposure is discarded',
  '2d': '2D processing — back to the 2D team',
};

export function problemTypeLabel(id: string): string {
  return PROBLEM_TYPES.find((t) => t.id === id)?.label ?? id;
}
