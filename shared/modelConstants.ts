/**
 * The domain model's value lists and limits, without zod: the renderer imports these from here,
 * so its bundle needs no schema library (shared/model.ts builds its schemas on them and
 * re-exports them for everyone else).
 */

export const SPEC_CLASSES = ['STAR', 'GALAXY', 'QSO', 'UNKNOWN'] as const;
export type SpecClass = (typeof SPEC_CLASSES)[number];

export const REVIEW_MODES = ['single', 'browse', 'spectrograph'] as const;
export type ReviewMode = (typeof REVIEW_MODES)[number];

/** 4 certain … 1 no redshift possible; 0 not set. */
export const QUALITIES = [0, 1, 2, 3, 4] as const;
export type Quality = (typeof QUALITIES)[number];

export const ROLES = ['reviewer', 'coordinator', '2d', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * LAMOST's focal plane: its 4000 fibres feed 16 spectrographs of 250 fibres each, numbered
 * from 1. A spectrograph or fibre outside these does not exist, so a report naming one would
 * send the 2D team looking for nothing.
 */
export const SPECTROGRAPHS = 16;
export const FIBERS_PER_SPECTROGRAPH = 250;

export const PROBLEM_ORIGINS = ['raw', '2d'] as const;
export type ProblemOrigin = (typeof PROBLEM_ORIGINS)[number];
