/**
 * The API contract: what the UI can ask of the main process (the names: shared/apiMethods.ts).
 *
 * Each method names its input schema (validated at the host boundary — IPC or HTTP — never
 * trusted because "our renderer sent it") and its output type. Both hosts (Electron's ipcMain
 * and the web edition's HTTP server) dispatch to the same service functions through
 * `ApiHandlers`; the renderer calls them through `SpecvetApi`.
 */
import { z } from 'zod';
import { API_EVENTS, API_METHODS, type ApiEvent, type ApiMethod } from './apiMethods';
import {
  ObsidSchema,
  ProblemInputSchema,
  UuidSchema,
  VerdictInputSchema,
  type AppStatus,
  type BatchSummary,
  type Item,
  type ProblemReport,
  type SyncProgress,
  type SyncSummary,
  type Verdict,
} from './model';
import { dataSourceProblem, normalDataSource } from './dataSource';
import type { Settings } from './settings';
import { SettingsSchema } from './settingsSchema';
import {
  BatchRequestSchema,
  DESK_PROGRESS_VIEWS,
  PeriodSchema,
  PROBLEM_ACTIONS,
  ProblemFilterSchema,
  RecheckResolutionSchema,
  RecheckThresholdsSchema,
  type DeskBatchCreated,
  type DeskBatchPreview,
  TraceInputSchema,
  ExportInputSchema,
  type ExportDone,
  type DeskMember,
  type DeskProblem,
  type DeskProgress,
  type DeskRecheckCase,
  type DeskSpectrograph,
  SpectrographKeySchema,
  type DeskTrace,
  type TeamBatch,
  type TeamMember,
} from './desk';

/** A method's input schema, its output type (phantom), and how the result travels. */
interface MethodSpec<In extends z.ZodType, Out> {
  input: In;
  /** Binary results travel as raw bytes (IPC: Uint8Array; HTTP: application/octet-stream). */
  binary: boolean;
  readonly _out?: Out;
}

function method<Out>() {
  return <In extends z.ZodType>(input: In, binary = false): MethodSpec<In, Out> => ({ input, binary });
}

const NoInput = z.object({}).strict();

/** A folder or an http(s) base URL (shared/dataSource.ts); blank or null: none of the person's own. */
const DataSourceField = z
  .string()
  .max(2000)
  .nullable()
  .superRefine((text, ctx) => {
    const problem = text === null ? null : dataSourceProblem(text);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform(normalDataSource);
const DataSourceInput = z.object({ dataSource: DataSourceField }).strict();

export { API_EVENTS, API_METHODS, type ApiEvent, type ApiMethod };

/** One spec per name in API_METHODS: `satisfies` makes a missing or extra method a type error. */
export const API = {
  status: method<AppStatus>()(NoInput),
  listBatches: method<BatchSummary[]>()(NoInput),
  listItems: method<Item[]>()(z.object({ batchId: UuidSchema }).strict()),
  /** The spectrum file's bytes, as stored (maybe gzipped); the renderer decodes in a worker. */
  readSpectrum: method<Uint8Array>()(z.object({ obsid: ObsidSchema }).strict(), true),
  saveVerdict: method<Verdict>()(VerdictInputSchema.strict()),
  /** Withdraws the newest verdict that is not pushed yet; null when there is none. */
  undoVerdict: method<Verdict | null>()(NoInput),
  setBookmark: method<void>()(
    z.object({ batchId: UuidSchema, position: z.number().int().min(0) }).strict(),
  ),
  reportProblem: method<ProblemReport>()(ProblemInputSchema),
  /** The problem reports on one spectrograph of one plan, in fibre order (drawn over the spectrograph view). */
  listProblems: method<ProblemReport[]>()(SpectrographKeySchema),
  /** This person's settings, kept in their local cache (rebound keys, Enter's quality). */
  getSettings: method<Settings>()(NoInput),
  /** Replaces them; two actions on one key are refused (bad-input, naming both). */
  saveSettings: method<Settings>()(SettingsSchema),
  /**
   * This person's own data source (a folder or an http(s) base URL; null: the computer's
   * default), kept in their cache and used from the next sync on. A folder that is not there
   * is refused (bad-input).
   */
  setDataSource: method<AppStatus>()(DataSourceInput),
  /** The fit's template files (docs/assistant.md): the configured set, else the shipped SDSS one. */
  listTemplates: method<string[]>()(NoInput),
  /** One template file's bytes, by a name from listTemplates; the renderer's fit worker reads them once. */
  readTemplate: method<Uint8Array>()(z.object({ name: z.string().min(1).max(200) }).strict(), true),
  sync: method<SyncSummary>()(NoInput),
  signIn: method<AppStatus>()(
    z
      .object({
        /** mysql://user@host:port/database — the password travels separately, never in a URL. */
        server: z.string().min(1).max(2000),
        password: z.string().max(1000),
        remember: z.boolean(),
        /** Where this person's spectra come from; absent: keep what their cache has (or the default). */
        dataSource: DataSourceField.optional(),
      })
      .strict(),
  ),
  signOut: method<AppStatus>()(NoInput),
  // The central desk (issue 15): online only, as the signed-in person; the server's grants decide.
  /** Who the server says we are (the screens follow the role); 'offline' when it cannot be asked. */
  deskMember: method<DeskMember>()(NoInput),
  /** Every reviewer's active batches with done / total (coordinator). */
  teamBatches: method<TeamBatch[]>()(NoInput),
  cancelBatch: method<{ id: string; name: string; assignee: string }[]>()(z.object({ id: UuidSchema }).strict()),
  reassignBatch: method<{ id: string; name: string }>()(z.object({ id: UuidSchema, to: z.string().min(1).max(80) }).strict()),
  /** The team's active members, reviewers first: whom a batch can go to (coordinator). */
  teamMembers: method<TeamMember[]>()(NoInput),
  /** What a batch would take, creating nothing: the count, each assignee's share, 10 spectra. */
  previewBatch: method<DeskBatchPreview>()(BatchRequestSchema),
  createBatch: method<DeskBatchCreated>()(BatchRequestSchema),
  /** Sets (null: clears) an active batch's due date, YYYY-MM-DD. */
  setBatchDue: method<{ name: string; assignee: string; due: string | null }[]>()(z.object({ id: UuidSchema, due: z.string().max(32).nullable() }).strict()),
  progress: method<DeskProgress>()(PeriodSchema.extend({ by: z.enum(DESK_PROGRESS_VIEWS) }).strict()),
  /** `dz`, `quality`: the thresholds of `specvet recheck list --dz --dq` (defaults: shared/agreement.ts). */
  recheckList: method<DeskRecheckCase[]>()(RecheckThresholdsSchema),
  recheckResolve: method<{ id: string; obsid: number }>()(RecheckResolutionSchema),
  problemList: method<DeskProblem[]>()(ProblemFilterSchema),
  problemSetState: method<DeskProblem>()(
    z.object({ id: UuidSchema, action: z.enum(PROBLEM_ACTIONS), note: z.string().trim().min(1, 'say why in a note').max(2000) }).strict(),
  ),
  /** One spectrum's story (any role, within what it may read), now or `at` an earlier moment. */
  trace: method<DeskTrace>()(TraceInputSchema),
  /**
   * The human-checked catalogue (coordinator). Electron: written to a file chosen in a save
   * dialog the main process opens (the renderer never names a path). Web edition: the same call
   * answers with the file itself, streamed as a download.
   */
  exportCatalogue: method<ExportDone>()(ExportInputSchema),
  /** Any spectrum's file for the desk's plots: from the local store, else from the data source (SPECVET_DATA). */
  deskSpectrum: method<Uint8Array>()(z.object({ obsid: ObsidSchema }).strict(), true),
  /** The fibres of one spectrograph of one plan that have a spectrum (an opened problem report). */
  deskFibres: method<DeskSpectrograph>()(SpectrographKeySchema),
} as const satisfies Record<ApiMethod, MethodSpec<z.ZodType, unknown>>;

export type ApiInput<M extends ApiMethod> = z.input<(typeof API)[M]['input']>;
export type ApiOutput<M extends ApiMethod> =
  (typeof API)[M] extends MethodSpec<z.ZodType, infer Out> ? Out : never;

/** What the renderer holds: `window.specvet` in Electron, an HTTP client in the browser. */
export type SpecvetApi = {
  [M in ApiMethod]: (input: ApiInput<M>) => Promise<ApiOutput<M>>;
} & {
  on<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
};

/** What a host dispatches to: the same service functions behind both hosts. */
export type ApiHandlers = {
  [M in ApiMethod]: (input: z.output<(typeof API)[M]['input']>) => Promise<ApiOutput<M>>;
};

interface EventPayloads {
  syncProgress: SyncProgress;
  statusChanged: AppStatus;
  /** A command chosen in the Electron application menu (e.g. 'next', 'class-star'); the web edition has no menu. */
  menu: { command: string };
  /** Rows of the catalogue written so far, while an export runs. */
  exportProgress: { rows: number };
}
/** Each event in API_EVENTS with its payload; an event without one is a type error here. */
export type ApiEvents = { [E in ApiEvent]: EventPayloads[E] };

/** Errors cross the boundary as data: a code the UI can act on and a one-line message. */
export type ApiErrorCode = 'bad-input' | 'not-found' | 'offline' | 'auth' | 'conflict' | 'internal';
export interface ApiErrorBody {
  code: ApiErrorCode;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Validates a raw argument for `method`; throws ApiError('bad-input') naming the field. */
export function parseInput<M extends ApiMethod>(m: M, raw: unknown): z.output<(typeof API)[M]['input']> {
  const spec = API[m];
  const result = spec.input.safeParse(raw ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    throw new ApiError('bad-input', `${m}: ${where}${issue?.message ?? 'invalid input'}`);
  }
  return result.data as z.output<(typeof API)[M]['input']>;
}
