/**
 * Key → drawn timings for the speed benchmarks (bench/modes.bench.ts): `key-drawn` measures from
 * the start of a review key's handler to each canvas the key changed, read in the page with
 * `performance.getEntriesByName('key-drawn')`. Off unless the page's address has `?timing`, so
 * a reviewer's key costs one boolean test and no entries pile up over a long session.
 */
const ON = typeof location !== 'undefined' && new URLSearchParams(location.search).has('timing');

let started = -1;
let action = '';
/** What has been drawn since the key, so each canvas ends the key's measure once. */
const drawnSince = new Set<string>();

/** A review key's handler begins (`name`: the action it runs). */
export function keyStarted(name: string): void {
  if (!ON) return;
  started = performance.now();
  action = name;
  drawnSince.clear();
}

/**
 * A canvas was drawn (`what`: 'chart' with the obsid it shows, 'markers'). The measure ends
 * here, at the call: its own bookkeeping (a key string, a set, the entry and its detail) comes
 * after the end is read, so a key's work is measured without it (it was ≈ 1/5 of a z key's
 * markers span in a CPU profile).
 */
export function drawn(what: string, obsid: number | null = null): void {
  if (!ON || started < 0) return;
  const end = performance.now();
  const key = `${what}:${obsid ?? ''}`;
  if (drawnSince.has(key)) return;
  drawnSince.add(key);
  performance.measure('key-drawn', { start: started, end, detail: { action, what, obsid } });
}
