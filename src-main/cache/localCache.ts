/**
 * The local cache as the rest of the main process sees it: one SQLite file per user and
 * server (WAL), implemented with better-sqlite3 in this folder. Calls are synchronous —
 * better-sqlite3 is, and a review key must not wait on a promise chain.
 */
import type {
  BatchSummary,
  CacheCounts,
  Item,
  ProblemInput,
  ProblemReport,
  Verdict,
  VerdictInput,
} from '../../shared/model';
import type { Settings } from '../../shared/settings';
import type { SyncableCache } from '../sync/contract';
export type { CacheCounts };

/** One spectrograph of one plan: what a problem report is filed against. */
export type SpectrographAddress = Pick<ProblemInput, 'lmjd' | 'planid' | 'spid'>;

/** The review side; `ledger` and `store` are what a sync works on (and what the review screen asks why a file is missing). */
export interface LocalCache extends SyncableCache {
  readonly user: string;
  readonly file: string;
  listBatches(): BatchSummary[];
  /** Items in batch order; a batch that does not exist gives []. */
  listItems(batchId: string): Item[];
  /** The item for an obsid in any of the user's batches (the newest assignment wins). */
  findItem(obsid: number): Item | undefined;
  /** Absolute path of the cached, verified spectrum file for obsid, or null if not cached. */
  cachedFile(obsid: number): string | null;
  /** Records a verdict in the outbox; supersedes the reviewer's previous one on that spectrum. */
  addVerdict(input: VerdictInput, now: Date): Verdict;
  /**
   * Withdraws the newest unpushed verdict; null when every verdict is pushed already.
   * Throws VerdictBeingSentError when a sync (in this or another process) has sent that
   * verdict and does not know yet whether central committed it.
   */
  undoLastVerdict(): Verdict | null;
  /** Throws UnknownBatchError for a batch not in the cache (nothing to push it to). */
  setBookmark(batchId: string, position: number, now: Date): void;
  /** Throws ProblemOverlapError when the range overlaps an open report on the same spectrograph. */
  addProblem(input: ProblemInput, now: Date): ProblemReport;
  /** The problem reports on one spectrograph of one plan, in fibre order. */
  problemsOn(at: SpectrographAddress): ProblemReport[];
  /** This person's settings (rebound keys, Enter's quality); the defaults until they change one. */
  settings(): Settings;
  /** Stores settings already checked (SettingsSchema); they replace the ones kept. */
  putSettings(settings: Settings): void;
  counts(): CacheCounts;
  close(): void;
}

/** Undo refused: the verdict may already be on the central server, where history is append-only. */
export class VerdictBeingSentError extends Error {
  override name = 'VerdictBeingSentError';
  constructor(readonly obsid: number) {
    // "or was": a sync killed mid-push leaves the outcome unknown until the next sync settles it.
    super(`that verdict (on ${obsid}) is being sent to the central server right now (or was, by a sync that did not finish); change it with a new verdict instead`);
  }
}

/** A bookmark for a batch the cache does not hold: the server would refuse it, so it is not kept. */
export class UnknownBatchError extends Error {
  override name = 'UnknownBatchError';
  constructor(readonly batchId: string) {
    super(`batch ${batchId} is none of yours; the bookmark was not saved (reload your batches)`);
  }
}

/** A problem report over fibres an open report on the same spectrograph already covers. */
export class ProblemOverlapError extends Error {
  override name = 'ProblemOverlapError';
  constructor(wanted: ProblemInput, open: ProblemReport) {
    super(
      `fibres ${wanted.fiberFrom}–${wanted.fiberTo} overlap the open report on fibres ${open.fiberFrom}–${open.fiberTo} (${open.type}); ` +
        'choose fibres outside it, or wait until the 2D team has answered that one',
    );
  }
}
