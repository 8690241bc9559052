/**
 * What the coordinator's and the 2D team's screens read over the API (issue 15): the wire
 * shapes of the central desk's answers. The central services (src-main/central/batchList.ts,
 * progress.ts, qualityDesk.ts) return supersets of these, so the compiler holds the two
 * together without the renderer importing server code.
 */
import { z } from 'zod';
import { PROBLEM_ORIGINS, SPECTROGRAPHS, SpecClassSchema, type ProblemInput, type ProblemState, type Role, type SpecClass } from './model';
import { Z_RANGE } from './ranges';

/** Who the server says the signed-in person is; the screens a role may use follow from it. */
export interface DeskMember {
  user: string;
  role: Role;
}

/** The coordinator's screens, and the 2D team's (coordinators and admins may look there too). */
export const mayCoordinate = (role: Role): boolean => role === 'coordinator' || role === 'admin';
export const mayHandleProblems = (role: Role): boolean => role === '2d' || role === 'coordinator' || role === 'admin';

export interface TeamBatch {
  id: string;
  name: string;
  mode: string;
  assignee: string;
  state: 'active' | 'cancelled';
  due: string | null;
  total: number;
  done: number;
}

const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD');
export const PeriodSchema = z.object({ from: DateSchema, to: DateSchema });

export const DESK_PROGRESS_VIEWS = ['reviewer', 'batch'] as const;
export type DeskProgressView = (typeof DESK_PROGRESS_VIEWS)[number];

interface Work {
  done: number;
  total: number;
  verdicts: number;
  perDay: { day: string; verdicts: number }[];
  medianSeconds: number | null;
}
export type DeskProgress = { from: string; to: string } & (
  | { by: 'reviewer'; rows: (Work & { reviewer: string; openBatches: number })[] }
  | { by: 'batch'; rows: (Work & { id: string; name: string; assignee: string; state: 'active' | 'cancelled' })[] }
);

interface Answer {
  class: SpecClass;
  subclass: string;
  z: number;
}
export interface DeskVerdict extends Answer {
  reviewer: string;
  quality: number;
  flags: string[];
  comment: string;
  createdAt: string;
}
export interface DeskRecheckCase {
  obsid: number;
  lmjd: number;
  planid: string;
  spid: number;
  fiberid: number;
  pipeline: Answer;
  verdicts: DeskVerdict[];
  reasons: string[];
}

export const RecheckResolutionSchema = z
  .object({
    obsid: z.number().int().min(1),
    class: SpecClassSchema,
    subclass: z.string().max(32).optional(),
    z: z.number().min(Z_RANGE.min).max(Z_RANGE.max).optional(),
    quality: z.number().int().min(0).max(4).optional(),
    comment: z.string().max(2000).optional(),
  })
  .strict();

export const PROBLEM_STATE_FILTERS = ['unhandled', 'open', 'acknowledged', 'resolved', 'discarded', 'all'] as const;
export const PROBLEM_ACTIONS = ['acknowledged', 'resolved', 'discarded'] as const;
export type DeskProblemAction = (typeof PROBLEM_ACTIONS)[number];

/** How the 2D team sees a report beyond what its reporter entered: its night and its handling. */
export interface ProblemDeskFields {
  obsdate: string | null;
  reporter: string;
  state: ProblemState;
  handledBy: string | null;
  handledAt: string | null;
  note: string | null;
}

export interface DeskProblem extends ProblemInput, ProblemDeskFields {
  id: string;
  createdAt: string;
}

export const ProblemFilterSchema = z
  .object({
    state: z.enum(PROBLEM_STATE_FILTERS).optional(),
    from: DateSchema.optional(),
    to: DateSchema.optional(),
    planid: z.string().min(1).max(64).optional(),
    spid: z.number().int().min(1).max(SPECTROGRAPHS).optional(),
    type: z.string().min(1).max(64).optional(),
    origin: z.enum(PROBLEM_ORIGINS).optional(),
  })
  .strict();

/** One spectrograph of one plan: what an opened problem report shows. */
export const SpectrographKeySchema = z.object({ lmjd: z.number().int().min(1).max(99_999), planid: z.string().min(1).max(64), spid: z.number().int().min(1).max(SPECTROGRAPHS) }).strict();

/** A fibre of that spectrograph with a spectrum, and whether its file is on this computer already. */
export interface DeskFibre {
  obsid: number;
  lmjd: number;
  planid: string;
  spid: number;
  fiberid: number;
  local: boolean;
}

export interface DeskSpectrograph {
  fibres: DeskFibre[];
  /** Where the files that are not local come from (SPECVET_DATA); null: nowhere, only local files show. */
  source: string | null;
}

/** One spectrum's story, as much of it as the trace screen shows. */
export interface DeskTrace {
  obsid: number;
  designation: string | null;
  planid: string;
  spid: number;
  fiberid: number;
  state: string;
  problemReported: boolean;
  verdicts: (DeskVerdict & { id: string })[];
  rechecks: (Answer & { id: string; quality: number; comment: string; coordinator: string; createdAt: string })[];
}
