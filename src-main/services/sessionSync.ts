/**
 * Sync for the open session: the Sync button and the background timer share one run at a
 * time (a second request joins the run under way), and progress goes out as events. A new
 * session (sign-in, sign-out) gets a new SessionSync; the old one is stopped.
 */
import { startBackgroundSync, type BackgroundSync, type BackgroundSyncOptions } from '../sync/background';
import type { ApiEventBus } from './events';
import type { AppSession, SyncRun } from './session';

export interface SessionSync {
  /** Runs a sync now, or joins the one under way; the background schedule restarts from its outcome. */
  now(): Promise<SyncRun>;
  /** True after a sync that reached the server, until one that did not. */
  readonly online: boolean;
  stop(): void;
}

/** Not a failure: the demo simply has nothing to sync with, and the person is told how to get a server. */
const DEMO_HAS_NO_SERVER: SyncRun = {
  pulled: 0,
  filesFetched: 0,
  pushed: 0,
  error: null,
  note: 'this is the demo dataset: there is no central server to sync with; sign in to one (or set SPECVET_CENTRAL) first',
  failure: null,
};

export function startSessionSync(
  session: AppSession,
  events: ApiEventBus,
  background: BackgroundSyncOptions | false,
  onSettled: () => void,
): SessionSync {
  const runner = session.sync;
  let online = false;
  let running: Promise<SyncRun> | null = null;

  const runOnce = async (): Promise<SyncRun> => {
    if (!runner) return DEMO_HAS_NO_SERVER;
    try {
      const run = await runner.run((p) => events.emit('syncProgress', p));
      online = run.error === null;
      return run;
    } finally {
      onSettled();
    }
  };
  const shared = (): Promise<SyncRun> => (running ??= runOnce().finally(() => (running = null)));
  const timer: BackgroundSync<SyncRun> | null = runner && background !== false ? startBackgroundSync(shared, background) : null;

  return {
    now: () => (timer ? timer.trigger() : shared()),
    get online() {
      return online;
    },
    stop: () => timer?.stop(),
  };
}
