/**
 * The key → drawn measures (state/timing.ts) the speed benchmarks read: a measure ends when the
 * canvas is reported drawn, not after the measure's own bookkeeping; each canvas ends a key's
 * measure once; nothing is measured without `?timing`.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

/** A clock that moves 1 ms each time it is read, so any read after the call shows in the measure. */
function fakePerformance() {
  let t = 0;
  const measures: Array<{ start: number; end: number | undefined; detail: unknown }> = [];
  return {
    measures,
    perf: {
      now: () => ++t,
      measure: (_name: string, o: { start: number; end?: number; detail: unknown }) => {
        measures.push({ start: o.start, end: o.end ?? ++t, detail: o.detail });
      },
    },
  };
}

async function load(search: string) {
  vi.resetModules();
  vi.stubGlobal('location', { search });
  const fake = fakePerformance();
  vi.stubGlobal('performance', fake.perf);
  return { ...fake, timing: await import('../../../src-renderer/state/timing') };
}

afterEach(() => vi.unstubAllGlobals());

describe('key → drawn timing', () => {
  it('ends a measure at the drawn() call, once per canvas a key changed', async () => {
    const { measures, timing } = await load('?timing');
    timing.keyStarted('nudgeZ');
    timing.drawn('markers');
    timing.drawn('markers');
    timing.drawn('chart', 7);
    // The key started at 1 ms; the markers were reported at 2 ms, the chart at 4 (3 was the repeat's read).
    expect(measures).toEqual([
      { start: 1, end: 2, detail: { action: 'nudgeZ', what: 'markers', obsid: null } },
      { start: 1, end: 4, detail: { action: 'nudgeZ', what: 'chart', obsid: 7 } },
    ]);
  });

  it('measures nothing without ?timing, nor before a key', async () => {
    const off = await load('');
    off.timing.keyStarted('nudgeZ');
    off.timing.drawn('markers');
    expect(off.measures).toEqual([]);
    const on = await load('?timing');
    on.timing.drawn('markers');
    expect(on.measures).toEqual([]);
  });
});
