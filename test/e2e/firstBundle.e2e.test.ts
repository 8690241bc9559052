/**
 * The web edition's first view loads only what it needs (issue 13, navigation → first spectrum):
 * the scripts index.html has the browser run or preload for the first view, read as devtools'
 * Network panel shows their bytes, hold neither zod nor the desk, browse, spectrograph or
 * settings screens (and no chunk at all holds zod). Those screens' chunk is prefetched, so
 * opening a browse batch after the list has shown transfers no script over the network, and
 * one opened the instant the list shows still opens. A single batch's first spectrum is read
 * as the list arrives, so opening the batch paints it with no read of its own.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pageProblems, webEditionForSuite } from './support';

/** Bytes only each screen's own code has: what the screen renders or the library throws. */
const MARKS = {
  zod: ['ZodError', '$ZodType'],
  desk: ['"data-testid":"desk-progress-summary"', '"data-testid":"trace-story"'],
  browse: ['"data-testid":"browse"'],
  spectrograph: ['"data-testid":"slit-canvas"'],
  settings: ['"data-testid":"key-bindings"'],
};

const holds = (text: string, marks: string[]) => marks.some((m) => text.includes(m));

/** The scripts index.html names, by how the browser is to treat them. */
async function scriptsOf(page: Page): Promise<{ run: string[]; prefetch: string[] }> {
  return page.evaluate(() => ({
    run: [...document.querySelectorAll<HTMLScriptElement>('script[type="module"]')].map((s) => s.src).concat([...document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((l) => l.href)),
    prefetch: [...document.querySelectorAll<HTMLLinkElement>('link[rel="prefetch"]')].map((l) => l.href),
  }));
}

async function bytes(page: Page, url: string): Promise<string> {
  const res = await page.request.get(url);
  expect(res.status(), url).toBe(200);
  return res.text();
}

async function openBrowse(page: Page): Promise<void> {
  await page.getByTestId('batch-row').filter({ hasText: 'browse (stars)' }).getByRole('button').last().click();
  await page.getByTestId('browse').waitFor();
  await expect.poll(() => page.locator('[data-testid="thumb"] canvas').count(), { timeout: 30_000 }).toBeGreaterThan(0);
}

describe('web edition, the first view loads only its own code', () => {
  const web = webEditionForSuite();

  it('the first view runs no zod and none of the other screens; their chunk is prefetched and opening a browse batch transfers no script', async () => {
    const context = await web.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const problems = pageProblems(page);
    await page.goto(web.served.url);
    await page.getByTestId('batch-row').first().waitFor();
    const { run, prefetch } = await scriptsOf(page);
    expect(run.length).toBeGreaterThan(0);
    const first = await Promise.all(run.map(async (url) => ({ url, text: await bytes(page, url) })));
    for (const [what, marks] of Object.entries(MARKS)) {
      expect(first.filter((s) => holds(s.text, marks)).map((s) => s.url), `${what} in the first view's scripts`).toEqual([]);
    }
    const later = await Promise.all(prefetch.map((url) => bytes(page, url)));
    for (const what of ['browse', 'desk', 'spectrograph', 'settings'] as const) expect(later.some((t) => holds(t, MARKS[what])), `${what} prefetched`).toBe(true);
    // No screen takes zod along: the renderer reads only types from the schema modules.
    expect(later.filter((t) => holds(t, MARKS.zod))).toEqual([]);

    // The prefetch has landed: opening a browse batch takes its code from the browser's cache.
    await expect.poll(() => page.evaluate((urls) => urls.every((u) => performance.getEntriesByName(u).some((e) => (e as PerformanceResourceTiming).responseEnd > 0)), prefetch), { timeout: 20_000 }).toBe(true);
    const clickedAt = await page.evaluate(() => performance.now());
    await openBrowse(page);
    // Module chunks only: the fit's Web Worker starts with the grid, its script fetched then.
    const fetched = await page.evaluate(
      (t) => (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => e.startTime > t && /\/assets\/[^/]+\.js$/.test(e.name) && !e.name.includes('.worker-') && e.transferSize > 0).map((e) => e.name),
      clickedAt,
    );
    expect(fetched).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("a single batch's first spectrum is read once the list shows, and opening the batch paints it without reading it again", async () => {
    const context = await web.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const problems = pageProblems(page);
    const reads: number[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/readSpectrum')) reads.push((r.postDataJSON() as { obsid: number }).obsid);
    });
    await page.goto(web.served.url);
    const row = page.getByTestId('batch-row').filter({ hasText: 'single spectrum' });
    await row.waitFor();
    // Nothing clicked yet: the spectrum the batch opens on is already on its way.
    await expect.poll(() => reads.length, { timeout: 20_000 }).toBeGreaterThan(0);
    const readBefore = [...reads];
    await row.getByRole('button').last().click();
    const chart = page.locator('[data-testid="spectrum-chart"][data-painted-obsid]:not([data-painted-obsid=""])');
    await chart.waitFor();
    const painted = Number(await chart.getAttribute('data-painted-obsid'));
    expect(readBefore).toContain(painted);
    expect(reads.filter((o) => o === painted)).toEqual([painted]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the first requests run from a small script ahead of React, the first view\'s chunks carry the compile hint, and no Intl object is made before the first spectrum', async () => {
    const context = await web.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const problems = pageProblems(page);
    // Counts what loads ICU's locale data on the main thread (scripts/viteStartPlugins.ts).
    await page.addInitScript(() => {
      const made = ((window as unknown as { intlMade: string[] }).intlMade = [] as string[]);
      for (const name of ['NumberFormat', 'DateTimeFormat'] as const) {
        const Real = Intl[name];
        Intl[name] = new Proxy(Real, { construct: (target, args: unknown[]) => (made.push(name), Reflect.construct(target, args)) }) as never;
      }
    });
    await page.goto(web.served.url);
    const { run } = await scriptsOf(page);
    const firstScript = await bytes(page, run[0]!);
    expect(firstScript).toContain('listBatches');
    expect(firstScript.length).toBeLessThan(20_000);
    for (const url of run) expect((await bytes(page, url)).startsWith('//# allFunctionsCalledOnLoad\n'), url).toBe(true);
    await page.getByTestId('batch-row').filter({ hasText: 'single spectrum' }).getByRole('button').last().click();
    await page.locator('[data-testid="spectrum-chart"][data-painted-obsid]:not([data-painted-obsid=""])').waitFor();
    expect(await page.evaluate(() => (window as unknown as { intlMade: string[] }).intlMade)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a browse batch opened the instant the list shows opens its grid', async () => {
    const context = await web.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const problems = pageProblems(page);
    await page.goto(web.served.url, { waitUntil: 'commit' });
    await openBrowse(page);
    expect(await page.getByTestId('thumb').count()).toBe(20);
    expect(problems).toEqual([]);
    await context.close();
  });
});
