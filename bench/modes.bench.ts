/**
 * The browse grid and the spectrograph view in Debian's Chromium (issue 13, "Speed"):
 * - browse: PgDn → the next page of thumbnails drawn (prefetched, as a reviewer paging at
 *   reading speed meets it), pages of 20 (1280 × 800) and of 100 (a 2560 × 1700 window, 10 × 10);
 * - spectrograph: the canvas drawn with the fibres in view (1280 × 800), and with all 250 (`o`).
 * Times are the page's own clock: keydown dispatched → the view's performance mark/measure.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ensureDemo } from '../src-main/demo/install';
import { launchChromium, startServe } from '../test/e2e/support';
import type { Benchmark } from './benchmark';
import { ensureBuilt } from './support/build';
import { singleViewRows, webFirstSpectrum } from './support/singleViewRows';

const PAGES = 12;
const DRAWS = 30;

// A demo home per group of rows: the single-view rows walk the browse batch in single mode and
// move its bookmark past thousands of spectra, where a browse row sharing the home would open on
// the batch's last, short page.
const homes = new Map<string, Promise<string>>();
function benchHome(group: 'single' | 'browse' | 'slit'): Promise<string> {
  let home = homes.get(group);
  if (!home) {
    home = (async () => {
      ensureBuilt();
      const dir = mkdtempSync(join(tmpdir(), `specvet-bench-modes-${group}-`));
      process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
      await ensureDemo(dir, { count: 3300, limits: { single: 100, browse: 3000 } });
      return dir;
    })();
    homes.set(group, home);
  }
  return home;
}

async function withPage<T>(size: { width: number; height: number }, label: string, fn: (page: Page) => Promise<T>, timing = false, group: 'single' | 'browse' | 'slit' = 'single'): Promise<T> {
  const served = await startServe({ home: await benchHome(group) });
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: size });
    const tracing = traceFile(label);
    if (tracing) await browser.startTracing(page, { path: tracing, categories: TRACE_CATEGORIES });
    const url = new URL(served.url);
    // The renderer's key → drawn measures (src-renderer/state/timing.ts) are on only when asked.
    if (timing) url.search = 'timing';
    await page.goto(url.toString());
    await page.getByTestId('batch-row').filter({ hasText: label }).getByRole('button').last().click();
    const result = await fn(page);
    if (tracing) await browser.stopTracing();
    return result;
  } finally {
    await browser?.close();
    await served.stop();
  }
}

/**
 * SPECVET_BENCH_TRACE=dir: each row's page is traced (Chromium trace JSON, one file per page,
 * for chrome://tracing or Perfetto) with the categories that show what a long task holds.
 */
const TRACE_CATEGORIES = [
  'devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame',
  'v8', 'v8.execute', 'v8.gc', 'disabled-by-default-v8.gc', 'disabled-by-default-v8.cpu_profiler', 'blink', 'blink.user_timing',
  'toplevel', 'renderer.scheduler', 'sequence_manager', 'disabled-by-default-renderer.scheduler',
  'blink_gc', 'disabled-by-default-blink_gc', 'cppgc', 'disabled-by-default-cppgc', 'cc',
];
let traces = 0;
function traceFile(label: string): string | null {
  const dir = process.env.SPECVET_BENCH_TRACE;
  return dir ? join(dir, `${++traces}-${label.replace(/\W+/g, '-')}.json`) : null;
}

/** PgDn → the next page drawn, `PAGES` times, each once the page after it is prefetched. */
const PAGE_ON = `async (pages) => {
  const marks = () => performance.getEntriesByName('browse-page-drawn');
  const until = async (fn) => { for (let i = 0; i < 6000; i++) { if (fn()) return; await new Promise((r) => setTimeout(r, 5)); } throw new Error('timed out'); };
  await until(() => marks().length > 0);
  const times = [];
  for (let p = 0; p < pages; p++) {
    // Let the next page's thumbnails arrive first: paging at reading speed.
    await new Promise((r) => setTimeout(r, 2000));
    const seen = marks().length;
    const t0 = performance.now();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'PageDown', code: 'PageDown', bubbles: true }));
    await until(() => marks().length > seen);
    const drawn = marks()[seen];
    await new Promise((r) => requestAnimationFrame(() => r()));
    times.push(drawn.startTime - t0);
  }
  return times;
}`;

function browsePage(count: 20 | 100, size: { width: number; height: number }, target: number): Benchmark {
  return {
    name: `browse page of ${count} thumbnails drawn after PgDn`,
    unit: 'ms',
    target: { kind: 'max', value: target },
    async run() {
      return withPage(size, 'browse (stars)', async (page) => {
        await page.getByTestId('browse').waitFor();
        // The grid takes its shape from its box once laid out: give it a moment on a loaded machine.
        let shown = 0;
        for (let i = 0; i < 100 && shown !== count; i++) {
          if (i > 0) await page.waitForTimeout(100);
          shown = await page.getByTestId('thumb').count();
        }
        if (shown !== count) throw new Error(`the grid shows ${shown} thumbnails at ${size.width}×${size.height}, not ${count}`);
        const samples = await page.evaluate<number[]>(`(${PAGE_ON})(${PAGES})`);
        return { samples };
      }, false, 'browse');
    },
  };
}

/** Redraws the slit `DRAWS` times (cursor keys), returning the canvas draw times. */
const SLIT_DRAWS = `async ([draws, overview]) => {
  const until = async (fn) => { for (let i = 0; i < 6000; i++) { if (fn()) return; await new Promise((r) => setTimeout(r, 5)); } throw new Error('timed out'); };
  const slit = document.querySelector('[data-testid="slit"]');
  await until(() => /spectra (\\d+) of \\1/.test(slit.textContent));
  const key = (k) => document.body.dispatchEvent(new KeyboardEvent('keydown', { key: k, code: k, bubbles: true }));
  if (overview) { key('o'); await new Promise((r) => setTimeout(r, 100)); }
  performance.clearMeasures('slit-drawn');
  for (let i = 0; i < draws; i++) {
    key(i % 2 ? 'ArrowUp' : 'ArrowDown');
    await new Promise((r) => requestAnimationFrame(() => r()));
  }
  return performance.getEntriesByName('slit-drawn').map((m) => m.duration);
}`;

function slitDraw(overview: boolean, target: number): Benchmark {
  return {
    name: overview ? 'spectrograph view, all 250 fibres drawn' : 'spectrograph view, the fibres in view drawn',
    unit: 'ms',
    target: { kind: 'max', value: target },
    async run() {
      return withPage({ width: 1280, height: 800 }, 'spectrograph', async (page) => {
        await page.getByTestId('slit').waitFor();
        const samples = await page.evaluate<number[]>(`(${SLIT_DRAWS})([${DRAWS}, ${overview}])`);
        return { samples };
      }, false, 'slit');
    },
  };
}

export const benchmarks: Benchmark[] = [
  ...singleViewRows(withPage),
  browsePage(20, { width: 1280, height: 800 }, 30),
  browsePage(100, { width: 2560, height: 1700 }, 60),
  slitDraw(false, 50),
  slitDraw(true, 150),
  webFirstSpectrum(() => benchHome('single')),
];
