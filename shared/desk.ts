/**
 * What the coordinator's and the 2D team's screens read over the API (issue 15): the wire
 * shapes of the central desk's answers. The central services (src-main/central/batchList.ts,
 * progress.ts, qualityDesk.ts) return supersets of these, so the compiler holds the two
 * together without the renderer importing server code.
 */
import { z } from 'zod';
import { PROBLEM_STATE_FILTERS } from './deskConstants';
import { PROBLEM_ORIGINS, ReviewModeSchema, SPECTROGRAPHS, SpecClassSchema, type ProblemInput, type ProblemState, type Role, type SpecClass } from './model';
import { Z_RANGE } from './ranges';

export * from './deskConstants';
export * from './traceKey';

/** Who the server says the signed-in person is; the screens a role may use follow from it. */
export interface DeskMember {
  user: string;
  role: Role;
}

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

/** An active member of the team: whom a batch can go to. */
export interface TeamMember {
  user: string;
  role: Role;
}

const names = (max: number) => z.array(z.string().trim().min(1).max(max)).max(100).optional();

/**
 * A batch as the coordinator's form asks for it: the service's criteria (BatchCriteria in
 * src-main/central/batchSelection.ts) and request. Dates, ranges and names are checked by the
 * service, in one line naming the field; the schema only bounds what travels.
 */
export const BatchRequestSchema = z
  .object({
    /** Empty while the form is being filled in (a preview); required to create. */
    name: z.string().max(128),
    /** Empty while being filled in: the preview counts, without shares. */
    assignees: z.array(z.string().trim().min(1).max(64)).max(50),
    mode: ReviewModeSchema,
    due: z.string().max(32).optional(),
    criteria: z
      .object({
        classes: z.array(SpecClassSchema).max(4).optional(),
        subclasses: names(32),
        from: z.string().max(32).optional(),
        to: z.string().max(32).optional(),
        planid: z.string().trim().min(1).max(64).optional(),
        spid: z.number().int().min(0).max(999).optional(),
        snrMin: z.number().finite().optional(),
        snrMax: z.number().finite().optional(),
        tsources: names(64),
        objtypes: names(64),
        leaveOut: z.object({ assigned: z.boolean(), verified: z.boolean() }).strict(),
        limit: z.number().int().optional(),
        suspects: z.boolean().optional(),
      })
      .strict(),
  })
  .strict();
export type DeskBatchRequest = z.infer<typeof BatchRequestSchema>;

/** One spectrum of a batch's sample, as the coordinator checks the criteria did what they meant. */
export interface DeskSampleSpectrum {
  obsid: number;
  obsdate: string;
  planid: string;
  spid: number;
  fiberid: number;
  class: SpecClass;
  subclass: string;
  z: number;
  snrR: number | null;
  objtype: string;
  tsource: string;
}

export interface DeskBatchPreview {
  count: number;
  /** Each assignee's share; empty while no assignee is named. */
  shares: { assignee: string; count: number }[];
  sample: DeskSampleSpectrum[];
}

export interface DeskBatchCreated {
  count: number;
  batches: { id: string; assignee: string; count: number }[];
}

const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD');
export const PeriodSchema = z.object({ from: DateSchema, to: DateSchema });

interface Work {
  done: number;
  total: number;
  verdicts: number;
  perDay: { day: string; verdicts: number }[];
  medianSeconds: number | null;
}
export interface DeskShare {
  total: number;
  checked: number;
  corrected: number;
}
/** Spectra of a plan or night, how many are checked and how many of those corrected the pipeline. */
export interface DeskCheckedShare extends DeskShare {
  byClass: Record<SpecClass, DeskShare>;
}
export type DeskProgress = { from: string; to: string } & (
  | { by: 'reviewer'; rows: (Work & { reviewer: string; openBatches: number })[] }
  | { by: 'batch'; rows: (Work & { id: string; name: string; assignee: string; state: 'active' | 'cancelled' })[] }
  | { by: 'plan'; rows: (DeskCheckedShare & { obsdate: string; lmjd: number; planid: string })[] }
  | { by: 'night'; rows: (DeskCheckedShare & { obsdate: string; plans: number })[] }
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

/** The recheck list's thresholds (shared/agreement.ts); each left out is the default. The list checks their ranges. */
export const RecheckThresholdsSchema = z.object({ dz: z.number().optional(), quality: z.number().optional() }).strict();

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

const TraceKeySchema = z.union([
  z.object({ obsid: z.number().int().positive().max(Number.MAX_SAFE_INTEGER) }).strict(),
  z.object({ designation: z.string().trim().min(1).max(60) }).strict(),
  z
    .object({ planid: z.string().trim().min(1).max(64), spid: z.number().int().min(1).max(99), fiberid: z.number().int().min(1).max(999), lmjd: z.number().int().min(1).max(99_999).optional() })
    .strict(),
]);
/** `at`: a date (its 00:00 UTC) or an ISO time; the story as it stood then. */
export const TraceInputSchema = z.object({ key: TraceKeySchema, at: z.string().trim().min(1).max(40).optional() }).strict();

type DeskAnswerQ = Answer & { quality: number };
type ProblemAt = DeskProblem & { stateAt: ProblemState };

/** The furthest step a spectrum has reached (trace): rechecked › corrected › seen › in a batch › unchecked. */
export type DeskSpectrumState = 'unchecked' | 'in a batch' | 'seen' | 'corrected' | 'rechecked';

/** One spectrum's story, as the trace screen and `specvet trace` show it. */
export interface DeskTrace {
  obsid: number;
  designation: string | null;
  lmjd: number;
  planid: string;
  spid: number;
  fiberid: number;
  /** The moment the story is given for (ISO); null: now. */
  at: string | null;
  target: { ra: number; dec: number; objtype: string; tsource: string; fibertype: string; mag: { g: number | null; r: number | null; i: number | null } } | null;
  plan: { obsdate: string; seeing: number | null; moon: number | null; ra: number; dec: number } | null;
  result2d: { version: string; snr: { u: number | null; g: number | null; r: number | null; i: number | null; z: number | null } } | null;
  result1d: Answer & { zErr: number; version: string };
  batches: { id: string; name: string; mode: string; assignee: string; state: string; createdAt: string }[];
  verdicts: (DeskVerdict & { id: string })[];
  rechecks: (DeskAnswerQ & { id: string; comment: string; coordinator: string; createdAt: string })[];
  problems: ProblemAt[];
  state: DeskSpectrumState;
  /** A report touching its fibre that is still open or acknowledged (at `at`). */
  problemReported: boolean;
}

export const EXPORT_FORMATS = ['csv', 'fits'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The export screen's choice: observation dates (either end open) or one batch, as CSV or FITS. */
export const ExportInputSchema = z
  .object({
    scope: z.union([z.object({ from: DateSchema.optional(), to: DateSchema.optional() }).strict(), z.object({ batchId: z.string().uuid() }).strict()]),
    format: z.enum(EXPORT_FORMATS),
  })
  .strict();
export type ExportInput = z.infer<typeof ExportInputSchema>;

/** Where the catalogue went (Electron: the file chosen in the save dialog) and how many rows; null: the dialog was cancelled. */
export type ExportDone = { file: string; rows: number } | null;

/**
 * The file name offered for an export: its scope and format, e.g.
 * specvet-catalogue-2024-01-01_2024-01-31.csv, specvet-catalogue-all.csv with both nights blank.
 */
export function exportFileName(input: ExportInput): string {
  return `specvet-catalogue-${scopeName(input.scope)}.${input.format}`;
}

function scopeName(scope: ExportInput['scope']): string {
  if ('batchId' in scope) return `batch-${scope.batchId.slice(0, 8)}`;
  if (scope.from === undefined && scope.to === undefined) return 'all';
  return `${scope.from ?? 'start'}_${scope.to ?? 'now'}`;
}
