/**
 * The web edition's first view loads only what it needs (issue 13, navigation → first spectrum):
 * the scripts the page fetched until its batch list showed, read as devtools' Network panel
 * shows their bytes, hold neither zod nor the desk, browse, spectrograph or settings screens
 * (and no later chunk holds zod); those screens' chunks are fetched once the list has shown, so opening a browse batch then
 * fetches no script, and one opened the instant the list shows still opens.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pageProblems, webEditionForSuite } from './support';

/** Each script the page fetches: when it was asked for (ms after the test began) and its text. */
function recordScripts(page: Page): { url: string; at: number; text: Promise<string> }[] {
  const t0 = Date.now();
  const scripts: { url: string; at: number; text: Promise<string> }[] = [];
  page.on('response', (res) => {
    if (res.request().resourceType() === 'script') scripts.push({ url: res.url(), at: Date.now() - t0, text: res.text() });
  });
  return scripts;
}

/** Records when the first batch row enters the DOM, on the page's clock. */
const LIST_SHOWN = `new MutationObserver((_, observer) => {
  if (!document.querySelector('[data-testid="batch-row"]')) return;
  window.listShownAt = performance.now();
  observer.disconnect();
}).observe(document, { subtree: true, childList: true });`;

/** Bytes only each screen's own code has: what the screen renders or the library throws. */
const MARKS = {
  zod: ['ZodError', '$ZodType'],
  desk: ['"data-testid":"desk-progress-summary"', '"data-testid":"trace-story"'],
  browse: ['"data-testid":"browse"'],
  spectrograph: ['"data-testid":"slit-canvas"'],
  settings: ['"data-testid":"key-bindings"'],
};

const holds = (text: string, marks: string[]) => marks.some((m) => text.includes(m));

async function openBrowse(page: Page): Promise<void> {
  await page.getByTestId('batch-row').filter({ hasText: 'browse (stars)' }).getByRole('button').last().click();
  await page.getByTestId('browse').waitFor();
  await expect.poll(() => page.locator('[data-testid="thumb"] canvas').count(), { timeout: 30_000 }).toBeGreaterThan(0);
}

describe('web edition, the first view loads only its own code', () => {
  const web = webEditionForSuite();

  it('the scripts fetched until the batch list shows hold no zod and none of the other screens; theirs come after', async () => {
    const context = await web.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const problems = pageProblems(page);
    const scripts = recordScripts(page);
    await page.addInitScript(LIST_SHOWN);
    await page.goto(web.served.url);
    await page.getByTestId('batch-row').first().waitFor();
    // The page's own clock says which scripts it asked for before the list was in the DOM.
    const asked = await page.evaluate(() => {
      const shown = (window as unknown as { listShownAt: number }).listShownAt;
      return performance.getEntriesByType('resource').filter((r) => r.startTime < shown).map((r) => r.name);
    });
    const first = await Promise.all(scripts.filter((s) => asked.includes(s.url)).map(async (s) => ({ url: s.url, text: await s.text })));
    expect(first.length).toBeGreaterThan(0);
    for (const [what, marks] of Object.entries(MARKS)) {
      expect(first.filter((s) => holds(s.text, marks)).map((s) => s.url), `${what} in the first view's scripts`).toEqual([]);
    }
    // The list has shown: the other screens' chunks arrive without anything pressed.
    await expect.poll(async () => (await Promise.all(scripts.map((s) => s.text))).some((t) => holds(t, MARKS.browse)), { timeout: 20_000 }).toBe(true);
    const all = await Promise.all(scripts.map((s) => s.text));
    for (const what of ['desk', 'spectrograph', 'settings'] as const) expect(all.some((t) => holds(t, MARKS[what])), `${what} preloaded`).toBe(true);
    // No screen takes zod along: the renderer reads only types from the schema modules.
    expect(all.filter((t) => holds(t, MARKS.zod))).toEqual([]);
    // Opening a browse batch now fetches no script: the grid's code is there already.
    const before = scripts.length;
    await openBrowse(page);
    expect(scripts.slice(before).map((s) => s.url)).toEqual([]);
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
