/**
 * What the coordinator and the 2D team ask of the central server beyond the sync (issue 15):
 * the recheck list and its resolutions, problem reports and their handling, the human-checked
 * catalogue, and a spectrum's whole story. Part of CentralClient; implemented over mysql2 in
 * recheck.ts, problemDesk.ts, catalogue.ts, trace.ts and spectrumFiles.ts. Each runs as the signed-in person, so
 * the server's grants and definer procedures decide who may do what.
 */
import type { AgreementThresholds } from '../../shared/agreement';
import type { DeskSpectrumState, DeskTrace, DeskTraceKey, ProblemDeskFields } from '../../shared/desk';
import type { ProblemOrigin, ProblemState, SpecClass } from '../../shared/model';
import type { CentralProblem } from '../sync/contract';

export interface FibreKey {
  lmjd: number;
  planid: string;
  spid: number;
  fiberid: number;
}

/** An answer about a spectrum: the pipeline's, a reviewer's or a coordinator's. */
export interface Answer {
  class: SpecClass;
  subclass: string;
  z: number;
}

export interface CurrentVerdict extends Answer {
  reviewer: string;
  quality: number;
  flags: string[];
  comment: string;
  createdAt: string;
}

export type RecheckReason = 'reviewers disagree' | 'contradicts the pipeline';

/** A spectrum waiting for the coordinator's final answer. */
export interface RecheckCase extends FibreKey {
  obsid: number;
  pipeline: Answer;
  /** The pipeline or the target catalogue calls it a galaxy or QSO. */
  extragalactic: boolean;
  /** Each reviewer's latest verdict, oldest first. */
  verdicts: CurrentVerdict[];
  reasons: RecheckReason[];
}

/** The coordinator's final answer; what is left out is taken from the answer it confirms. */
export interface RecheckResolution {
  obsid: number;
  class: SpecClass;
  subclass?: string;
  z?: number;
  quality?: number;
  comment?: string;
}

export interface RecordedRecheck extends Answer {
  id: string;
  obsid: number;
  quality: number;
  comment: string;
}

/** Unhandled = open or acknowledged; handled = resolved or discarded. */
export type ProblemStateFilter = ProblemState | 'unhandled' | 'all';

export interface ProblemFilter {
  state?: ProblemStateFilter;
  /** Observation dates (the plan's night), YYYY-MM-DD, inclusive. */
  from?: string;
  to?: string;
  planid?: string;
  spid?: number;
  type?: string;
  origin?: ProblemOrigin;
}

/** A problem report as the 2D team sees it: the report, its night, and its handling. */
export interface ProblemCase extends CentralProblem, ProblemDeskFields {}

/** What the 2D team does to a report: acknowledge it, mark it reprocessed, or discard it. */
export type ProblemAction = 'acknowledged' | 'resolved' | 'discarded';

export type CatalogueScope = { from?: string; to?: string } | { batchId: string };

/** Where a catalogue row's final answer comes from. */
export type FinalSource = 'recheck' | 'verdict' | 'unresolved';

/** One human-checked spectrum of the exported catalogue. */
/** A catalogue row as the server sends it: its fields in catalogue.ts's COLUMNS order, read by
 * catalogue.ts's `field` (or decoded whole by `catalogueRow`). */
export type CatalogueRecord = readonly unknown[];

/** Catalogue rows as CSV lines, each ending in a newline (the export's, without its header). */
export interface CatalogueCsvPage {
  rows: number;
  text: string;
}

export interface CatalogueRow extends FibreKey {
  obsid: number;
  designation: string;
  obsdate: string;
  ra: number | null;
  dec: number | null;
  pipeline: Answer;
  final: Answer & { quality: number; source: FinalSource };
  flags: string[];
  reviewers: string[];
  firstChecked: string;
  lastChecked: string;
  rechecked: { by: string; at: string } | null;
}

export type TraceKey = DeskTraceKey;
export type SpectrumState = DeskSpectrumState;

/** The story of shared/desk.ts's DeskTrace, with what the CLI's --json adds: each verdict's batch and the one it supersedes. */
export interface Trace extends Omit<DeskTrace, 'verdicts' | 'rechecks' | 'problems'> {
  verdicts: (CurrentVerdict & { id: string; batchId: string; supersedes: string | null })[];
  rechecks: (RecordedRecheck & { coordinator: string; createdAt: string })[];
  problems: (ProblemCase & { stateAt: ProblemState })[];
}

/** A spectrum's file in the data source (SPECVET_DATA), as spec_info.file_path holds it. */
export interface FibreFile extends FibreKey {
  obsid: number;
  filePath: string;
}

/** One spectrum, or one spectrograph of one plan (its night, plan and spectrograph). */
export type FileKey = { obsid: number } | { lmjd: number; planid: string; spid: number };

export interface QualityDesk {
  /** Spectra whose reviewers disagree or whose verdict contradicts the pipeline on an
   * extragalactic target, not yet resolved by a recheck (coordinator). */
  recheckList(thresholds?: AgreementThresholds): Promise<RecheckCase[]>;
  /** Records the final answer in humanrecheck (coordinator). */
  recheckResolve(resolution: RecheckResolution): Promise<RecordedRecheck>;
  /** Problem reports (2D team and coordinators). */
  problemList(filter: ProblemFilter): Promise<ProblemCase[]>;
  /** Acknowledge / resolve / discard a report with a note (2D team). */
  problemSetState(id: string, action: ProblemAction, note: string): Promise<ProblemCase>;
  /** The human-checked catalogue, streamed in obsid order a page at a time (coordinator). */
  catalogue(scope: CatalogueScope): AsyncIterable<CatalogueRecord[]>;
  /** The same rows as the CSV export's lines, a page at a time (coordinator). */
  catalogueCsv(scope: CatalogueScope): AsyncIterable<CatalogueCsvPage>;
  /** One spectrum's story, now or `at` an earlier moment (any role, within what it may read). */
  trace(key: TraceKey, at?: string): Promise<Trace>;
  /** Where the spectra of one spectrum or one spectrograph are in the data source (any role). */
  spectrumFiles(key: FileKey): Promise<FibreFile[]>;
}
