/**
 * Page-side scripts for the single-mode speed rows (bench/modes.bench.ts), kept as source text:
 * tsx would wrap named functions in a helper the page does not have. Keys are dispatched on the
 * page as a keyboard would deliver them; times are the page's own clock. The chart says which
 * spectrum it last drew in `data-painted-obsid` (set in uPlot's draw hook, after the pixels);
 * with `?timing` the renderer adds `key-drawn` measures (src-renderer/state/timing.ts).
 */

/** Shared helpers, prefixed to each script. */
const HELPERS = `
  const until = async (fn) => { for (let i = 0; i < 6000; i++) { const v = fn(); if (v) return v; await new Promise((r) => setTimeout(r, 5)); } throw new Error('timed out'); };
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  const pause = (ms) => new Promise((r) => setTimeout(r, ms));
  const key = (k) => document.body.dispatchEvent(new KeyboardEvent('keydown', { key: k, code: k, bubbles: true }));
  const chart = () => document.querySelector('[data-testid="spectrum-chart"]');
  const header = () => document.querySelector('[data-testid="obsid"]').textContent;
  // The spectrum the header names is the one the chart last drew.
  const onScreen = () => 'obsid ' + chart().dataset.paintedObsid === header();
  // Keydown at t0 → the first animation frame that starts after the chart drew what the header names.
  const firstFrameShowing = async (t0) => { for (let i = 0; i < 600; i++) { await frame(); if (onScreen()) return performance.now() - t0; } throw new Error(header() + ' was not painted'); };
  const work = (action, what) => performance.getEntriesByName('key-drawn').filter((m) => m.detail.action === action && m.detail.what === what);
`;

/** Opens the browse batch's cursor spectrum in the single view; returns the batch's length. */
export const OPEN_SINGLE_VIEW = `async () => {
  ${HELPERS}
  await until(() => document.querySelector('[data-testid="browse"]'));
  key('Enter');
  await until(() => chart() && onScreen());
  return Number(document.querySelector('.position').textContent.split('/')[1]);
}`;

/**
 * `n` presses of → (then ← at the batch's end), each once the spectra ahead are decoded (a
 * reviewer at reading speed): camera time (keydown → first frame showing the new spectrum) and
 * work (handler start → chart drawn, the renderer's own measure).
 */
export const NEXT_PREFETCHED = `async (n) => {
  ${HELPERS}
  const frames = [];
  const works = [];
  for (let i = 0; i < n; i++) {
    // Time for the spectra ahead to arrive and decode, even on a loaded machine.
    await pause(1000);
    performance.clearMeasures('key-drawn');
    const t0 = performance.now();
    key('ArrowRight');
    frames.push(await firstFrameShowing(t0));
    const shown = Number(chart().dataset.paintedObsid);
    const m = work('next', 'chart').find((e) => e.detail.obsid === shown);
    if (m) works.push(m.duration);
  }
  return { frames, works };
}`;

/**
 * → four times in one go, so the fourth spectrum is past the three the renderer decodes ahead:
 * keydown of the fourth → the first frame showing it (read from the cache and decoded then).
 */
export const NEXT_COLD = `async (n) => {
  ${HELPERS}
  const frames = [];
  for (let i = 0; i < n; i++) {
    await pause(400);
    key('ArrowRight'); key('ArrowRight'); key('ArrowRight');
    const t0 = performance.now();
    key('ArrowRight');
    frames.push(await firstFrameShowing(t0));
  }
  return frames;
}`;

/** `n` presses of a key pair (]/[ or ./,), a frame apart: the renderer's work per press on `what`. */
export const KEY_WORK = `async ([keys, action, what, n]) => {
  ${HELPERS}
  performance.clearMeasures('key-drawn');
  for (let i = 0; i < n; i++) {
    key(keys[i % 2]);
    await frame();
    await pause(20);
  }
  return work(action, what).map((m) => m.duration);
}`;

/**
 * `n` presses walking the batch (→ to its end, then ←, `step` says which way now), each waiting
 * for its spectrum on screen; returns the longest task seen (PerformanceObserver 'longtask':
 * tasks over 50 ms; 0 when none) and the way it goes on.
 */
export const PAGE_ON = `async ([n, count, step]) => {
  ${HELPERS}
  let longest = 0;
  const seen = new PerformanceObserver((list) => { for (const e of list.getEntries()) longest = Math.max(longest, e.duration); });
  seen.observe({ type: 'longtask' });
  let at = Number(document.querySelector('.position').textContent.split('/')[0]) - 1;
  for (let i = 0; i < n; i++) {
    if (at + step < 0 || at + step >= count) step = -step;
    at += step;
    const before = header();
    key(step > 0 ? 'ArrowRight' : 'ArrowLeft');
    for (let spins = 0; header() === before || !onScreen(); spins++) {
      if (spins > 20000) throw new Error(header() + ' was not painted');
      await new Promise((r) => setTimeout(r, 0));
    }
  }
  seen.disconnect();
  return { longest, step };
}`;

/** Navigation → the first spectrum drawn (the chart's mark), opening the single batch as soon as the list shows. */
export const FIRST_SPECTRUM = `async () => {
  ${HELPERS}
  const row = await until(() => [...document.querySelectorAll('[data-testid="batch-row"]')].find((r) => r.textContent.includes('single spectrum')));
  [...row.querySelectorAll('button')].pop().click();
  const mark = await until(() => performance.getEntriesByName('specvet:first-spectrum')[0]);
  return mark.startTime;
}`;
