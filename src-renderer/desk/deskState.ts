/**
 * The central desk's screens (issue 15): which one is open, the signed-in person's role as the
 * server gave it, and what each screen loaded. The reviewer's own state stays in state/store.ts;
 * this one is empty until a coordinator or 2D user opens a screen.
 */
import { create } from 'zustand';
import { DEFAULT_THRESHOLDS, type AgreementThresholds } from '../../shared/agreement';
import type { DeskBatchPreview, DeskMember, DeskProblem, DeskProgress, DeskProgressView, DeskRecheckCase, DeskSpectrograph, DeskTrace, ExportFormat, PROBLEM_STATE_FILTERS, TeamBatch, TeamMember } from '../../shared/desk';
import type { ProblemOrigin, Quality, SpecClass } from '../../shared/model';
import { EMPTY_BATCH_FORM, type BatchForm } from './batchForm';

import type { DeskScreen } from '../../shared/keymapDesk';

export type { DeskScreen };
/** The progress plot: the total with the busiest rows, or one line per row. */
export type ProgressPlot = 'top' | 'each';

/** A line typed under a list: the reviewer a batch goes to, or the note on a report. */
export interface DeskEntry {
  label: string;
  text: string;
  submit: (text: string) => Promise<void>;
  /** Sends an empty line too (a filter cleared); else Enter waits for text. */
  allowEmpty?: boolean;
}

/** The coordinator's answer for the open recheck case, before it is recorded. */
export interface RecheckDraft {
  class: SpecClass | null;
  /** null: the z of the answer of that class (the server's rule), until a z key sets one. */
  z: number | null;
  quality: Quality | null;
  /** '': the answer of that class's (the server's rule), until t picks one. */
  subclass: string;
  /** Why: '' none. */
  comment: string;
}

export const EMPTY_DRAFT: RecheckDraft = { class: null, z: null, quality: null, subclass: '', comment: '' };

/** The open recheck case: an index into `recheck`, the answer being made, and whose markers stand out. */
export interface OpenCase {
  index: number;
  draft: RecheckDraft;
  /** Index into the case's answers: its reviewers in order, then the pipeline. */
  emphasis: number;
  /** The subclass picker (t) is open over the plot. */
  picking: boolean;
}

/** What the problems list shows; empty text / null: any. */
export interface ProblemFilterState {
  state: (typeof PROBLEM_STATE_FILTERS)[number];
  from: string;
  to: string;
  planid: string;
  spid: number | null;
  type: string;
  origin: ProblemOrigin | '';
}

/** The list of one filter's values open under its chip (p plan, s spectrograph, y type): the values the reports have. */
export interface ProblemPick {
  field: 'planid' | 'spid' | 'type';
  values: string[];
}

/** A problem report opened on its spectrograph: the report as last seen, and that spectrograph's fibres once loaded. */
export interface OpenProblem {
  problem: DeskProblem;
  view: DeskSpectrograph | null;
}

export interface DeskState {
  /** null: not asked yet, or the server could not be reached. */
  member: DeskMember | null;
  screen: DeskScreen | null;
  cursor: number;
  /** Why the open screen has nothing to show (offline, denied); null when it loaded. */
  failure: string | null;
  loading: boolean;
  batches: TeamBatch[];
  /** A cancel asked once: the same key again confirms it. */
  confirmCancel: string | null;
  progress: DeskProgress | null;
  period: { from: string; to: string; by: DeskProgressView };
  plot: ProgressPlot;
  recheck: DeskRecheckCase[];
  /** What the recheck list counts as a disagreement; kept for the session. */
  recheckThresholds: AgreementThresholds;
  openCase: OpenCase | null;
  problems: DeskProblem[];
  problemFilter: ProblemFilterState;
  problemPick: ProblemPick | null;
  openProblem: OpenProblem | null;
  entry: DeskEntry | null;
  /** The "New batch" form as typed: kept when the screen is left, so nothing typed is lost. */
  batchForm: BatchForm;
  /** Whom a batch can go to (the team's active members, reviewers first). */
  members: TeamMember[];
  /** The live dry run of the form: what it would take, or the one line saying what to fix. */
  batchPreview: { result: DeskBatchPreview | null; problem: string | null; counting: boolean };
  trace: TraceView;
  exportForm: ExportForm;
}

/** The export screen: observation dates (blank: open) or the batch at the cursor, the format, and how far it got. */
export interface ExportForm {
  by: 'dates' | 'batch';
  from: string;
  to: string;
  format: ExportFormat;
  /** Rows written so far while it runs; null when none runs. */
  rows: number | null;
  /** The last export's one line ("wrote 1,234 spectra to …"). */
  done: string | null;
}

/** The trace screen: what is typed, the story found, and the batch it was opened from (Esc goes back to it). */
export interface TraceView {
  text: string;
  at: string;
  story: DeskTrace | null;
  fromBatch: string | null;
}

export const NO_PROBLEM_FILTER: ProblemFilterState = { state: 'unhandled', from: '', to: '', planid: '', spid: null, type: '', origin: '' };

const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

export const useDesk = create<DeskState>(() => ({
  member: null,
  screen: null,
  cursor: 0,
  failure: null,
  loading: false,
  batches: [],
  confirmCancel: null,
  progress: null,
  period: { from: daysAgo(29), to: today(), by: 'reviewer' },
  plot: 'top',
  recheck: [],
  recheckThresholds: DEFAULT_THRESHOLDS,
  openCase: null,
  problems: [],
  problemFilter: NO_PROBLEM_FILTER,
  problemPick: null,
  openProblem: null,
  entry: null,
  batchForm: EMPTY_BATCH_FORM,
  members: [],
  batchPreview: { result: null, problem: null, counting: false },
  trace: { text: '', at: '', story: null, fromBatch: null },
  exportForm: { by: 'dates', from: '', to: '', format: 'csv', rows: null, done: null },
}));

export const getDesk = useDesk.getState;
export const setDesk = useDesk.setState;

/** How many rows the open screen's cursor moves over. */
export function rowCount(s: DeskState): number {
  switch (s.screen) {
    case 'batches':
    case 'export':
      return s.batches.length;
    case 'progress':
      return s.progress?.rows.length ?? 0;
    case 'recheck':
      return s.recheck.length;
    case 'problems':
      return s.problems.length;
    default:
      return 0;
  }
}

/**
 * Opens a line under the screen (empty text sent too); `apply` takes what was typed or throws
 * the one line that says why not, which is shown while the text stays to fix.
 */
export function askLine(label: string, text: string, apply: (typed: string) => void): void {
  setDesk({
    entry: {
      label,
      text,
      allowEmpty: true,
      submit: async (typed) => {
        try {
          apply(typed);
        } catch (err) {
          setDesk({ failure: (err as Error).message });
          throw err;
        }
      },
    },
  });
}
