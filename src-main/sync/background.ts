/**
 * Background sync for the app host: runs sync every `intervalMs`; after a transient failure
 * (offline) it retries sooner and backs off (doubling up to `maxBackoffMs`); after a failure
 * the person must fix (password, disabled account, newer schema) it waits for `trigger()`.
 */
/** What the schedule needs to know of a run: did it fail, and would trying again soon help. */
export interface SyncOutcome {
  failure: { transient: boolean } | null;
}

export interface BackgroundSyncOptions {
  intervalMs?: number;
  minBackoffMs?: number;
  maxBackoffMs?: number;
  onResult?(r: SyncOutcome): void;
  /** Injectable timers so the schedule can be tested without waiting. */
  setTimer?(fn: () => void, ms: number): unknown;
  clearTimer?(handle: unknown): void;
}

export interface BackgroundSync<R extends SyncOutcome = SyncOutcome> {
  /** Runs a sync now (joining one already running) and reschedules from its outcome. */
  trigger(): Promise<R>;
  /** Milliseconds until the next scheduled run; null when stopped or waiting for the person. */
  readonly nextDelay: number | null;
  stop(): void;
}

export function startBackgroundSync<R extends SyncOutcome>(run: () => Promise<R>, opts: BackgroundSyncOptions = {}): BackgroundSync<R> {
  const interval = opts.intervalMs ?? 5 * 60_000;
  const minBackoff = opts.minBackoffMs ?? 15_000;
  const maxBackoff = opts.maxBackoffMs ?? 10 * 60_000;
  const setTimer =
    opts.setTimer ??
    ((fn: () => void, ms: number) => {
      const t = setTimeout(fn, ms);
      t.unref?.();
      return t;
    });
  const clearTimer = opts.clearTimer ?? ((h: unknown) => clearTimeout(h as NodeJS.Timeout));
  let timer: unknown = null;
  let backoff = minBackoff;
  let stopped = false;
  let nextDelay: number | null = null;

  const schedule = (ms: number | null) => {
    if (timer !== null) clearTimer(timer);
    timer = null;
    nextDelay = stopped ? null : ms;
    if (nextDelay !== null) timer = setTimer(() => void trigger(), nextDelay);
  };

  const trigger = async (): Promise<R> => {
    const r = await run();
    if (!r.failure) {
      backoff = minBackoff;
      schedule(interval);
    } else if (r.failure.transient) {
      schedule(backoff);
      backoff = Math.min(maxBackoff, backoff * 2);
    } else {
      schedule(null);
    }
    opts.onResult?.(r);
    return r;
  };

  schedule(0);
  return {
    trigger,
    get nextDelay() {
      return nextDelay;
    },
    stop() {
      stopped = true;
      schedule(null);
    },
  };
}
