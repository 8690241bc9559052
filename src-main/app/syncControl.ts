/**
 * Sync for the open session: the Sync button and the background timer, with progress going
 * out as events. They never overlap because the engine runs one sync per cache at a time
 * (sync/engine.ts runSync: a second request joins the run under way). A new session (sign-in,
 * sign-out) gets a new SyncControl; the old one is stopped.
 */
import { startBackgroundSync, type BackgroundSync, type BackgroundSyncOptions } from '../sync/background';
import type { ApiEventBus } from './eventBus';
import type { SyncProgress } from '../../shared/model';
import type { AppSession, SyncRun } from './appSession';

export interface SyncControl {
  /** Runs a sync now, or joins the one under way; the background schedule restarts from its outcome. */
  now(): Promise<SyncRun>;
  /** True after a sync that reached the server, until one that did not. */
  readonly online: boolean;
  /** True after a sync refused for want of a (right) password, until one that got in. */
  readonly signInNeeded: boolean;
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

export function startSyncControl(
  session: AppSession,
  events: ApiEventBus,
  background: BackgroundSyncOptions | false,
  onSettled: () => void,
): SyncControl {
  const runner = session.syncRunner;
  let online = false;
  let signInNeeded = false;
  const runOnce = async (): Promise<SyncRun> => {
    if (!runner) return DEMO_HAS_NO_SERVER;
    try {
      const run = await runner.run(throttled((p) => events.emit('syncProgress', p)));
      online = run.error === null;
      signInNeeded = run.failure?.kind === 'auth';
      return run;
    } finally {
      onSettled();
    }
  };
  const timer: BackgroundSync<SyncRun> | null = runner && background !== false ? startBackgroundSync(runOnce, background) : null;

  return {
    now: () => (timer ? timer.trigger() : runOnce()),
    get online() {
      return online;
    },
    get signInNeeded() {
      return signInNeeded;
    },
    stop: () => timer?.stop(),
  };
}

/** At most one event per this many ms while a phase counts up; a new phase and the end of one always go out. */
const PROGRESS_EVERY_MS = 100;

/**
 * The file phase counts every file (a thousand a second on a quiet machine): each one an IPC
 * message or SSE event would keep the renderer busy for a bar nobody reads that fast.
 */
export function throttled(emit: (p: SyncProgress) => void, now: () => number = Date.now): (p: SyncProgress) => void {
  let last: SyncProgress | null = null;
  let at = -Infinity;
  return (p) => {
    const t = now();
    if (last?.phase === p.phase && p.done < p.total && t - at < PROGRESS_EVERY_MS) return;
    last = p;
    at = t;
    emit(p);
  };
}
