/**
 * The single view's speed rows of bench/modes.bench.ts (issue 13, "Speed"), in Debian's Chromium
 * at 1280 × 800 on the bench demo's browse batch (≈ 3,000 stars) opened in the single view:
 * key → next spectrum on screen (prefetched and cold), the renderer's work per key, a z key's
 * markers, a smoothing step, paging through 10,000 spectra, and the web edition's first spectrum.
 */
import type { Page } from 'playwright-core';
import { launchChromium, startServe } from '../../test/e2e/support';
import { quantile, type Benchmark } from '../benchmark';
import { FIRST_SPECTRUM, KEY_WORK, NEXT_COLD, NEXT_PREFETCHED, OPEN_SINGLE_VIEW, PAGE_ON } from './reviewScripts';

type WithPage = <T>(size: { width: number; height: number }, label: string, fn: (page: Page) => Promise<T>, timing?: boolean) => Promise<T>;

const LAPTOP = { width: 1280, height: 800 };
const NEXT_PRESSES = 40;
const COLD_PRESSES = 25;
const KEY_PRESSES = 60;
const PAGING = Number(process.env.SPECVET_BENCH_PAGING ?? 10_000);
const PAGING_CHUNK = 1000;
/** "Flat": the JS heap after the walk at most this far above the heap after the warm-up. */
const HEAP_GROWTH_ALLOWED_MB = 2;
const COLD_STARTS = 7;

/** Opens the browse batch's first spectrum in the single view and runs `script(arg)` there. */
function inSingleView<T>(withPage: WithPage, script: string, arg: unknown, timing = true): Promise<T> {
  return withPage(
    LAPTOP,
    'browse (stars)',
    async (page) => {
      await page.evaluate(`(${OPEN_SINGLE_VIEW})()`);
      return page.evaluate<T>(`(${script})(${JSON.stringify(arg)})`);
    },
    timing,
  );
}

export function singleViewRows(withPage: WithPage): Benchmark[] {
  let prefetched: Promise<{ frames: number[]; works: number[] }> | null = null;
  const walk = () => (prefetched ??= inSingleView(withPage, NEXT_PREFETCHED, NEXT_PRESSES));
  const keyWork = (keys: [string, string], action: string, what: string) => () =>
    inSingleView<number[]>(withPage, KEY_WORK, [keys, action, what, KEY_PRESSES]).then((samples) => ({ samples }));
  return [
    {
      name: 'single view: key → next spectrum on screen, prefetched (keydown → first frame after the chart drew it)',
      unit: 'ms',
      target: { kind: 'max', value: 17, on: 'p95' },
      run: async () => ({ samples: (await walk()).frames }),
    },
    {
      name: 'single view: work per key, handler start → next spectrum drawn (prefetched)',
      unit: 'ms',
      target: { kind: 'max', value: 4, on: 'p95' },
      run: async () => ({ samples: (await walk()).works }),
    },
    {
      name: 'single view: key → next spectrum on screen, cold from the cache (past the 3 decoded ahead)',
      unit: 'ms',
      target: { kind: 'max', value: 50 },
      run: async () => ({ samples: await inSingleView<number[]>(withPage, NEXT_COLD, COLD_PRESSES) }),
    },
    { name: 'single view: z key ] [ → line markers redrawn (work)', unit: 'ms', target: { kind: 'max', value: 2, on: 'p95' }, run: keyWork([']', '['], 'nudgeZ', 'markers') },
    { name: 'single view: smoothing . , → spectrum redrawn (work)', unit: 'ms', target: { kind: 'max', value: 8 }, run: keyWork(['.', ','], 'smooth', 'chart') },
    { name: `single view: paging through ${PAGING.toLocaleString('en')} spectra, longest task per ${PAGING_CHUNK.toLocaleString('en')}`, unit: 'ms', target: { kind: 'max', value: 50 }, run: () => pageThrough(withPage) },
  ];
}

/** The walk in chunks, the JS heap read (after a forced GC) after a warm-up and after each chunk. */
function pageThrough(withPage: WithPage): Promise<{ samples: number[]; pass: boolean; note: string }> {
  return withPage(LAPTOP, 'browse (stars)', async (page) => {
    const count = await page.evaluate<number>(`(${OPEN_SINGLE_VIEW})()`);
    const cdp = await page.context().newCDPSession(page);
    const heapMb = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize / 2 ** 20;
    };
    let step = 1;
    const run = async (n: number) => {
      const r = await page.evaluate<{ longest: number; step: number }>(`(${PAGE_ON})(${JSON.stringify([n, count, step])})`);
      step = r.step;
      return r.longest;
    };
    await run(200);
    const heaps = [await heapMb()];
    const longest: number[] = [];
    for (let done = 0; done < PAGING; done += PAGING_CHUNK) {
      longest.push(await run(Math.min(PAGING_CHUNK, PAGING - done)));
      heaps.push(await heapMb());
    }
    const growth = heaps.at(-1)! - heaps[0]!;
    const worst = Math.max(...longest);
    return {
      samples: longest,
      pass: worst <= 50 && growth <= HEAP_GROWTH_ALLOWED_MB,
      note: `the batch has ${count.toLocaleString('en')} spectra, so the walk goes back and forth along it (${((PAGING + 200) / count).toFixed(1)} lengths); longest task ${worst === 0 ? 'none over 50 ms' : `${worst.toFixed(0)} ms`}; JS heap ${heaps[0]!.toFixed(1)} MB after 200 → ${heaps.at(-1)!.toFixed(1)} MB at the end (growth ${growth.toFixed(2)} MB, allowed ≤ ${HEAP_GROWTH_ALLOWED_MB}); per ${PAGING_CHUNK}: ${heaps.map((h) => h.toFixed(1)).join(' ')}`,
    };
  }, false);
}

/** Navigation → first spectrum painted, `specvet serve` already up, a fresh browser context each run. */
export function webFirstSpectrum(home: () => Promise<string>): Benchmark {
  return {
    name: 'web edition: navigation → first spectrum painted (server up, fresh browser context)',
    unit: 'ms',
    target: { kind: 'max', value: 500 },
    async run() {
      const served = await startServe({ home: await home() });
      const browser = await launchChromium();
      const samples: number[] = [];
      try {
        for (let i = 0; i < COLD_STARTS; i++) {
          const context = await browser.newContext({ viewport: LAPTOP });
          try {
            const page = await context.newPage();
            await page.goto(served.url);
            samples.push(await page.evaluate<number>(`(${FIRST_SPECTRUM})()`));
          } finally {
            await context.close();
          }
        }
      } finally {
        await browser.close();
        await served.stop();
      }
      return { samples, note: `p95 ${quantile(samples, 0.95).toFixed(0)} ms` };
    },
  };
}
