/**
 * What the services work on at a given moment: the signed-in person's local cache, where its
 * data comes from, and (for a central server) how to sync it. Sign-in and sign-out swap the
 * session; the services never hold a cache across that swap.
 */
import type { DataOrigin, SyncProgress, SyncSummary } from '../../shared/model';
import type { CentralTarget } from '../config/config';
import type { LocalCache } from '../cache/localCache';
import type { SyncFailure } from '../sync/failure';
import type { CentralDesk } from './centralDesk';

/** A sync's summary, and what stopped it: worth retrying soon (offline), or the person must act (kind 'auth': sign in again). */
export type SyncRun = SyncSummary & { failure: Pick<SyncFailure, 'kind' | 'transient'> | null };

/** One sync run against the central server; reports progress as it goes (sync/runner.ts makes the real one). */
export interface SessionSyncRunner {
  run(onProgress: (p: SyncProgress) => void): Promise<SyncRun>;
}

export interface AppSession {
  readonly user: string;
  readonly origin: DataOrigin;
  readonly cache: LocalCache;
  /** null for the embedded demo: there is no server to sync with. */
  readonly syncRunner: SessionSyncRunner | null;
  /** null for the demo: the coordinator's and 2D team's work needs the central server. */
  readonly desk: CentralDesk | null;
  close(): Promise<void>;
}

/**
 * Opens sessions. `central` is absent where a host cannot reach a central server; signing in
 * then fails with a message saying so. With `verify`, the login is checked with the server first.
 */
export interface SessionFactory {
  demo(): Promise<AppSession>;
  central?(target: CentralTarget, password: string | null, opts: { verify: boolean }): Promise<AppSession>;
}
