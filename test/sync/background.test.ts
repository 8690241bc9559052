import { describe, expect, it } from 'vitest';
import { startBackgroundSync } from '../../src-main/sync/background';
import type { SyncResult } from '../../src-main/sync/engine';
import type { SyncFailure } from '../../src-main/sync/failure';

const ok: SyncResult = { pulled: 0, filesFetched: 0, pushed: 0, error: null, note: null, failure: null, filesFailed: [], refused: 0, outboxRefused: 0, setAside: 0 };
const failed = (f: SyncFailure): SyncResult => ({ ...ok, error: f.message, failure: f });
const offline = failed({ kind: 'offline', message: 'offline: cannot reach h:1; …', transient: true });
const auth = failed({ kind: 'auth', message: 'wrong password', transient: false });

/** Timers the test fires by hand: what a scheduled run would do, without waiting for it. */
function manualTimers() {
  const pending: { fn: () => void; ms: number }[] = [];
  return {
    pending,
    setTimer: (fn: () => void, ms: number) => {
      const t = { fn, ms };
      pending.push(t);
      return t;
    },
    clearTimer: (h: unknown) => {
      const i = pending.indexOf(h as (typeof pending)[number]);
      if (i >= 0) pending.splice(i, 1);
    },
  };
}

describe('background sync', () => {
  it('backs off while offline, returns to the interval after a success, waits for the person on auth errors', async () => {
    const outcomes = [offline, offline, offline, ok, auth, ok];
    let runs = 0;
    const timers = manualTimers();
    const bg = startBackgroundSync(async () => outcomes[runs++]!, { intervalMs: 300_000, minBackoffMs: 10_000, maxBackoffMs: 25_000, ...timers });
    expect(bg.nextDelay).toBe(0);
    const delays: (number | null)[] = [];
    for (let k = 0; k < 4; k++) {
      await bg.trigger();
      delays.push(bg.nextDelay);
    }
    expect(delays).toEqual([10_000, 20_000, 25_000, 300_000]);
    expect(timers.pending).toHaveLength(1);
    await bg.trigger();
    expect(bg.nextDelay).toBeNull();
    expect(timers.pending).toHaveLength(0);
    await bg.trigger(); // the person fixed the password and pressed sync
    expect(bg.nextDelay).toBe(300_000);
    bg.stop();
    expect(bg.nextDelay).toBeNull();
    expect(timers.pending).toHaveLength(0);
    expect(runs).toBe(6);
  });
});
