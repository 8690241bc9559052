/**
 * The desk's value lists and role checks, without zod: the renderer imports these from here, so
 * its bundle needs no schema library (shared/desk.ts builds its schemas on them and re-exports
 * them for everyone else).
 */
import type { Role } from './modelConstants';

/** The coordinator's screens, and the 2D team's (coordinators and admins may look there too). */
export const mayCoordinate = (role: Role): boolean => role === 'coordinator' || role === 'admin';
export const mayHandleProblems = (role: Role): boolean => role === '2d' || role === 'coordinator' || role === 'admin';

/** The form's names of the fields a refusal names (the CLI names them by its flags). */
export const BATCH_FIELD_LABELS = {
  from: 'from night',
  to: 'to night',
  due: 'due date',
  'snr-min': 'S/N min',
  'snr-max': 'S/N max',
  limit: 'limit',
  suspects: 'suspects',
  mode: 'mode',
} as const;

export const DESK_PROGRESS_VIEWS = ['reviewer', 'batch', 'plan', 'night'] as const;
export type DeskProgressView = (typeof DESK_PROGRESS_VIEWS)[number];

export const PROBLEM_STATE_FILTERS = ['unhandled', 'open', 'acknowledged', 'resolved', 'discarded', 'all'] as const;
export const PROBLEM_ACTIONS = ['acknowledged', 'resolved', 'discarded'] as const;
export type DeskProblemAction = (typeof PROBLEM_ACTIONS)[number];
