/**
 * The central desk's screens (issue 15): which one is open, the signed-in person's role as the
 * server gave it, and what each screen loaded. The reviewer's own state stays in state/store.ts;
 * this one is empty until a coordinator or 2D user opens a screen.
 */
import { create } from 'zustand';
import type { DeskMember, DeskProblem, DeskProgress, DeskProgressView, DeskRecheckCase, DeskSpectrograph, PROBLEM_STATE_FILTERS, TeamBatch } from '../../shared/desk';
import type { ProblemOrigin, Quality, SpecClass } from '../../shared/model';

export type DeskScreen = 'batches' | 'progress' | 'recheck' | 'problems';

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
}

/** The open recheck case: an index into `recheck`, the answer being made, and whose markers stand out. */
export interface OpenCase {
  index: number;
  draft: RecheckDraft;
  /** Index into the case's answers: its reviewers in order, then the pipeline. */
  emphasis: number;
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
  recheck: DeskRecheckCase[];
  openCase: OpenCase | null;
  problems: DeskProblem[];
  problemFilter: ProblemFilterState;
  openProblem: OpenProblem | null;
  entry: DeskEntry | null;
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
  recheck: [],
  openCase: null,
  problems: [],
  problemFilter: NO_PROBLEM_FILTER,
  openProblem: null,
  entry: null,
}));

export const getDesk = useDesk.getState;
export const setDesk = useDesk.setState;

/** How many rows the open screen's cursor moves over. */
export function rowCount(s: DeskState): number {
  switch (s.screen) {
    case 'batches':
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
