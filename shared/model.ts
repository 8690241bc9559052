/**
 * The domain model: one name per thing, the same in the local cache's columns, these types and
 * the UI (plan, spectrograph = spid, fibre = fiberid, obsid, verdict, batch, problem report).
 * The central tables keep LAMOST's own names so the survey's staff recognise them (a verdict
 * is a `humanverify` row, a problem report a `prob2d` row, a batch a `check_batch`): the one
 * table that maps them is in docs/architecture.md, "Data model".
 * Plain data only — the main process and tests import it whole; the renderer only its types
 * (its values from modelConstants.ts, which needs no zod).
 */
import { z } from 'zod';
import { FIBERS_PER_SPECTROGRAPH, PROBLEM_ORIGINS, QUALITIES, REVIEW_MODES, SPEC_CLASSES, SPECTROGRAPHS, type Quality, type ReviewMode, type SpecClass } from './modelConstants';
import { Z_RANGE } from './ranges';
import { unknownFlagMessage, VERDICT_FLAGS } from './verdictFlags';

export * from './modelConstants';

export const SpecClassSchema = z.enum(SPEC_CLASSES);
export const ReviewModeSchema = z.enum(REVIEW_MODES);

const isQuality = (q: number): q is Quality => QUALITIES.some((v) => v === q);
// int/min/max stay beside the predicate: they word the error ("too big: <=4") and the CLI reads
// them (minValue/maxValue) to print the option's range. The predicate types the output; it is
// skipped once they failed rather than adding a vaguer second issue.
export const QualitySchema = z
  .number()
  .int()
  .min(QUALITIES[0])
  .max(QUALITIES[QUALITIES.length - 1])
  .refine(isQuality, { when: (payload) => payload.issues.length === 0 });

/** A LAMOST obsid; fits in a double exactly (< 2^53). */
export const ObsidSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const UuidSchema = z.uuid();

/** Where a spectrum was taken: the night, plan, spectrograph and fibre (LAMOST's natural key). */
export interface FiberAddress {
  lmjd: number;
  planid: string;
  /** 1 … SPECTROGRAPHS */
  spid: number;
  /** 1 … FIBERS_PER_SPECTROGRAPH */
  fiberid: number;
}

/** A fibre's address and where on the sky it pointed (degrees, J2000): a target_info row. */
export interface FiberTarget extends FiberAddress {
  ra: number;
  dec: number;
}

/**
 * An item's fibre and its sky position as the batch's snapshot has it: null when the survey had
 * no target_info row for the fibre (central spec_check.ra/dec are nullable for that reason).
 */
export interface ItemFiber extends FiberAddress {
  ra: number | null;
  dec: number | null;
}

export interface SignalToNoise {
  u: number | null;
  g: number | null;
  r: number | null;
  i: number | null;
  z: number | null;
}

/** The input catalogue's magnitudes of a target (target_info.mag_g/r/i); null when it has none. */
export interface Magnitudes {
  g: number | null;
  r: number | null;
  i: number | null;
}

/**
 * What the survey knows of a spectrum besides the pipeline's answer, as the batch's snapshot has
 * it: the target (target_info) and the night's conditions (plan_info).
 */
export interface TargetAndPlan {
  /** The input catalogue / programme that chose the target (target_info.tsource); '' if none. */
  tsource: string;
  mag: Magnitudes;
  /** The plan's seeing, FWHM in arcseconds (plan_info.seeing). */
  seeing: number | null;
  /** The plan's moon: illuminated fraction 0…1 (plan_info.moon). */
  moon: number | null;
}

/** What the 1D pipeline said about a spectrum (spec_info). */
export interface PipelineResult {
  class: SpecClass;
  subclass: string;
  z: number;
  zErr: number;
  snr: SignalToNoise;
}

export interface BatchSummary {
  id: string;
  name: string;
  mode: ReviewMode;
  assignee: string;
  itemCount: number;
  reviewedCount: number;
  /** Position (0-based index into the batch's items) the reviewer left off at. */
  bookmark: number | null;
  /** When the bookmark last moved (ISO 8601): the batch was last worked on then; null if never opened. */
  lastOpened: string | null;
  /** YYYY-MM-DD as the coordinator set it; null: none. */
  dueDate: string | null;
  state: 'active' | 'cancelled';
}

/** One spectrum in one batch, with what the reviewer needs to judge it. */
export interface Item extends ItemFiber, TargetAndPlan {
  batchId: string;
  obsid: number;
  position: number;
  objtype: string;
  pipeline: PipelineResult;
  /** Path of the spectrum file relative to the data source (spec_info.file_path). */
  filePath: string;
  /** True when the file is in the local content-addressed store and decodes. */
  cached: boolean;
  /** The reviewer's newest verdict on this spectrum, pushed or not. */
  verdict: Verdict | null;
  /**
   * What the other reviewers said about this spectrum (the central history a sync pulls):
   * each one's newest verdict, oldest first. Empty when nobody else has checked it.
   */
  history: Verdict[];
  /** False once the item was unassigned centrally (a tombstone); local work on it is kept. */
  assigned: boolean;
}

export const VerdictInputSchema = z.object({
  obsid: ObsidSchema,
  batchId: UuidSchema,
  class: SpecClassSchema,
  subclass: z.string().max(64),
  z: z.number().min(Z_RANGE.min).max(Z_RANGE.max),
  quality: QualitySchema,
  flags: z.array(z.enum(VERDICT_FLAGS, { error: (issue) => unknownFlagMessage(String(issue.input)) })).max(VERDICT_FLAGS.length),
  comment: z.string().max(20_000),
});
export type VerdictInput = z.infer<typeof VerdictInputSchema>;

export interface Verdict extends Omit<VerdictInput, 'flags'> {
  /**
   * As stored, not narrowed to today's vocabulary: a colleague's verdict pulled from the server
   * may carry a flag an older SpecVet allowed; it is shown, not dropped.
   */
  flags: string[];
  /** Client-generated UUID: a push can repeat any number of times and lands once. */
  id: string;
  reviewer: string;
  createdAt: string;
  /** The verdict this one replaces (central history is append-only). */
  supersedes: string | null;
  pushed: boolean;
}

const spectrographRange = { error: (issue: { input?: unknown }) => `spectrograph must be 1–${SPECTROGRAPHS}, got ${String(issue.input)}` };

export const ProblemInputSchema = z
  .object({
    // Local MJD of the night: LAMOST's first light was 54 000-odd; the bound keeps values in the
    // central INT column instead of letting the server clamp them.
    lmjd: z.number().int().min(1).max(99_999),
    planid: z.string().min(1).max(64),
    spid: z.number().int().min(1, spectrographRange).max(SPECTROGRAPHS, spectrographRange),
    // The range is checked on the pair below, so that the message can show the range as typed.
    fiberFrom: z.number().int(),
    fiberTo: z.number().int(),
    type: z.string().min(1).max(64),
    origin: z.enum(PROBLEM_ORIGINS),
    text: z.string().max(20_000),
  })
  .superRefine((p, ctx) => {
    const outside = (f: number) => f < 1 || f > FIBERS_PER_SPECTROGRAPH;
    if (outside(p.fiberFrom) || outside(p.fiberTo)) {
      ctx.addIssue({
        code: 'custom',
        message: `fibres must be within 1–${FIBERS_PER_SPECTROGRAPH}, got ${p.fiberFrom}-${p.fiberTo}`,
        path: [outside(p.fiberFrom) ? 'fiberFrom' : 'fiberTo'],
      });
    } else if (p.fiberFrom > p.fiberTo) {
      ctx.addIssue({ code: 'custom', message: 'the start fibre must not be after the end fibre', path: ['fiberTo'] });
    }
  });
export type ProblemInput = z.infer<typeof ProblemInputSchema>;

export type ProblemState = 'open' | 'acknowledged' | 'resolved' | 'discarded';

/** The 2D team's latest change of a report's state, as the reporter's last sync brought it. */
export interface ProblemHandling {
  by: string;
  at: string;
  note: string;
}

export interface ProblemReport extends ProblemInput {
  id: string;
  reporter: string;
  createdAt: string;
  state: ProblemState;
  /** null while the report is open (or not yet synced back). */
  handling: ProblemHandling | null;
  pushed: boolean;
}

/** Where the app's data comes from: the embedded demo, or a central server. */
export type DataOrigin = { kind: 'demo' } | { kind: 'central'; server: string };

/** What the local cache holds and how its last sync went. */
export interface CacheCounts {
  batches: number;
  items: number;
  filesCached: number;
  outboxPending: number;
  /** Unsent changes the central server refused, set aside (kept) until retried or edited. */
  outboxRefused: number;
  /** Pulled central rows this SpecVet could not store, set aside (see SetAsideRow in sync/contract.ts). */
  pulledSetAside: number;
  lastSync: string | null;
  lastError: string | null;
}

export interface AppStatus extends CacheCounts {
  user: string;
  origin: DataOrigin;
  online: boolean;
  /** Where this person's spectrum files come from (theirs, else the computer's default); null: nowhere. */
  dataSource: string | null;
  /** True when the password the sync needs is missing or no longer accepted: the top bar offers Sign in. */
  signInNeeded: boolean;
}

export type SyncPhase = 'pull' | 'files' | 'push' | 'done';

export interface SyncProgress {
  phase: SyncPhase;
  done: number;
  total: number;
}

export interface SyncSummary {
  pulled: number;
  filesFetched: number;
  pushed: number;
  /** One line for the user when sync could not finish ("offline: …"); null on success. */
  error: string | null;
  /** One line of information where nothing went wrong but nothing was synced either (the demo has no server); else null. */
  note: string | null;
}
