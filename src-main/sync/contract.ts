/**
 * The sync protocol's wire format: what a pull page brings from the central server and what a
 * push sends, shared by the two ends that speak it — central/ (over mysql2) and cache/ (in
 * SQLite) — and by the engine in this folder that moves pages between them. Neither end
 * imports the other; both import this module (docs/architecture.md, "Sync").
 */
import type { ItemFiber, ProblemOrigin, ProblemState, ReviewMode, SignalToNoise, SpecClass, TargetAndPlan } from '../../shared/model';
import type { FileFailure, FileRecord, FileWanted } from '../files/records';
import type { FileStore } from '../files/fileStore';

/** A central revision: decimal text of a BIGINT UNSIGNED whose order is the commit order. */
export type Revision = string;

export interface CentralBatch {
  id: string;
  name: string;
  mode: ReviewMode;
  assignee: string;
  state: 'active' | 'cancelled';
  createdAt: string;
  /** YYYY-MM-DD, set by the coordinator; null: none. */
  dueDate: string | null;
  rev: Revision;
}

/** A spectrum in a batch, joined with its survey metadata; `assigned: false` is a tombstone. */
export interface CentralItem extends ItemFiber, TargetAndPlan {
  batchId: string;
  obsid: number;
  position: number;
  assigned: boolean;
  objtype: string;
  class: SpecClass;
  subclass: string;
  z: number;
  zErr: number;
  snr: SignalToNoise;
  filePath: string;
  rev: Revision;
}

export interface CentralVerdict {
  id: string;
  obsid: number;
  batchId: string;
  reviewer: string;
  class: SpecClass;
  subclass: string;
  z: number;
  quality: number;
  flags: string[];
  comment: string;
  supersedes: string | null;
  createdAt: string;
  rev: Revision;
}

export interface CentralBookmark {
  batchId: string;
  position: number;
  updatedAt: string;
}

export interface CentralProblem {
  id: string;
  lmjd: number;
  planid: string;
  spid: number;
  fiberFrom: number;
  fiberTo: number;
  type: string;
  origin: ProblemOrigin;
  text: string;
  createdAt: string;
}

/** The 2D team's handling of one of the person's own problem reports (its state, as of `rev`). */
export interface CentralProblemState {
  id: string;
  state: ProblemState;
  handledBy: string | null;
  handledAt: string | null;
  note: string | null;
  rev: Revision;
}

export interface PullPage {
  batches: CentralBatch[];
  items: CentralItem[];
  /** Central verdict history of the person's spectra (their own and others' on the same obsid). */
  verdicts: CentralVerdict[];
  /** The state of the person's own problem reports, changed since the watermark. */
  problems: CentralProblemState[];
  /** Watermark to store with this page; pass it back as `since` for the next page. */
  rev: Revision;
  more: boolean;
}

/** A pulled row the cache could not store (its local schema refused it), kept with the reason. */
export interface SetAsideRow {
  kind: 'batch' | 'item' | 'verdict' | 'problem';
  /** The row's id (an item: batchId/obsid). */
  key: string;
  rev: Revision;
  reason: string;
  setAsideAt: string;
}

/** One push: applied in one central transaction; every row is an idempotent insert by id. */
export interface PushBatch {
  verdicts: Omit<CentralVerdict, 'reviewer' | 'rev'>[];
  problems: CentralProblem[];
  bookmarks: CentralBookmark[];
}

/** Outbox rows per table that one push may take. */
export interface OutboxLimits {
  verdicts: number;
  problems: number;
  bookmarks: number;
}

/** Outbox rows a push is sending, under a claim that undo (in any process) respects. */
export interface ClaimedBatch extends PushBatch {
  readonly claim: string;
}

/**
 * The cache's record of sync: the watermark, pulled pages, the outbox with its claims and
 * refusals, and which spectrum files are stored. Every write is one local transaction, so a
 * kill at any instant leaves either the old state or the new.
 */
export interface SyncLedger {
  meta(key: string): string | null;
  putMeta(key: string, value: string | null): void;
  /** The revision of the last page applied; '0' before the first sync. */
  watermark(): Revision;
  /** Applies a page and its watermark in one transaction; rows the cache refuses are set aside. */
  applyPullPage(page: PullPage, now?: Date): void;
  /** Tries the pulled rows set aside again; returns how many are still set aside. */
  retrySetAside(now: Date): number;
  listSetAside(): SetAsideRow[];
  /** Unsent, unrefused outbox rows, oldest first, at most `limits` per table. */
  outbox(limits: OutboxLimits): PushBatch;
  claim(batch: PushBatch): ClaimedBatch;
  release(batch: ClaimedBatch): void;
  /** Marks rows sent: call only after the central commit resolved. */
  markSent(batch: PushBatch): void;
  /** Sets rows the server refused aside with its reason (never pushed again unless retried). */
  setRefused(batch: ClaimedBatch, reason: string, now: Date): void;
  /** Puts refused rows back in the outbox; returns how many. */
  retryRefused(): number;
  outboxPending(): number;
  outboxRefused(): number;
  lastRefusal(): string | null;
  missingFiles(): FileWanted[];
  /** Records stored files; a failure kept for one of them is cleared. */
  recordFiles(records: readonly FileRecord[], now: Date): void;
  /** Keeps why each of these files could not be fetched (replacing what an earlier sync said). */
  recordFileFailures(failures: readonly FileFailure[], now: Date): void;
  /** Why the last sync could not fetch this spectrum's file; null when it did not try or it worked. */
  fileFailure(obsid: number): FileFailure | null;
}

/** What a sync needs of a local cache: its ledger and its spectrum file store. */
export interface SyncableCache {
  readonly ledger: SyncLedger;
  readonly store: FileStore;
}
