/**
 * Browse mode by keyboard on the demo survey: a page of 5 × 4 thumbnails at 1280 × 800 (more at
 * 1920 × 1080), the one planted wrong star on the first page corrected from the grid, the page
 * paged on and counted as seen with no verdict rows for the rest, the bookmark kept over a
 * reload, Enter into single mode and Esc back to the same place; the assistant's ≠fit marks.
 * Screenshots: test-results/browse-*.png.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BatchSummary, Item } from '../../shared/model';
import { readBundle, type TruthRow } from '../../src-main/survey/bundle';
import { apiCall, demoBatch, pageProblems, ROOT, webEditionForSuite } from './support';

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Thumbnails on screen, and how many of their canvases hold ink. */
const drawnThumbs = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLCanvasElement>('[data-testid="thumb"] canvas')].filter((c) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      for (let i = 3; i < d.length; i += 4) if (d[i]! > 0) return true;
      return false;
    }).length,
  );

const cursorObsid = async (page: Page) => Number(await page.locator('[data-testid="thumb"][aria-current="true"]').getAttribute('data-obsid'));

async function openBrowse(page: Page, batch: BatchSummary): Promise<void> {
  await page.getByRole('button', { name: batch.name, exact: true }).click();
  await page.getByTestId('browse').waitFor();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

async function noOverlaps(page: Page): Promise<void> {
  const viewport = page.viewportSize()!;
  const boxes = await page.getByTestId('thumb').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as Box));
  const footer = (await page.locator('.browse .key-hint').boundingBox())!;
  for (const [k, b] of boxes.entries()) {
    expect(b.x >= 0 && b.y >= 0 && b.x + b.width <= viewport.width && b.y + b.height <= footer.y).toBe(true);
    for (const other of boxes.slice(k + 1)) expect(overlaps(b, other)).toBe(false);
  }
  expect(footer.y + footer.height).toBeLessThanOrEqual(viewport.height);
  const hint = await page.locator('.browse .key-hint').evaluate((e) => e.scrollWidth <= e.clientWidth);
  expect(hint).toBe(true);
}

describe('web edition, browse mode by keyboard', () => {
  const web = webEditionForSuite();
  let browse: BatchSummary;
  let items: Item[];
  let truth: Map<number, TruthRow>;

  beforeAll(async () => {
    browse = await demoBatch(web.served, 'browse');
    items = await apiCall<Item[]>(web.served.url, 'listItems', { batchId: browse.id });
    truth = new Map((await readBundle(join(web.served.home, 'demo'))).truth.spectra.map((t) => [t.obsid, t]));
  });

  it("1280×800: the assistant marks ≠fit the planted wrong star on the first page, with the fit's answer; each file read once", async () => {
    const page = await web.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems = pageProblems(page);
    const reads = new Map<number, number>();
    page.on('request', (r) => {
      if (!r.url().endsWith('/readSpectrum')) return;
      const { obsid } = r.postDataJSON() as { obsid: number };
      reads.set(obsid, (reads.get(obsid) ?? 0) + 1);
    });
    await page.goto(web.served.url);
    await openBrowse(page, browse);
    // Every thumbnail on the page gets its fit, in page order, without a key.
    await expect.poll(() => page.locator('[data-testid="thumb"][data-fit="pending"]').count(), { timeout: 120_000, interval: 1000 }).toBe(0);
    const planted = items.slice(0, 20).find((i) => truth.get(i.obsid)!.pipelineError !== null)!;
    const mark = page.locator(`[data-obsid="${planted.obsid}"] [data-testid="fit-mark"]`);
    expect(await mark.innerText()).toBe('≠fit');
    // What the fit says instead is on the mark: the true class, and a star's velocity.
    expect(await mark.getAttribute('title')).toMatch(new RegExp(`^the fit disagrees with the pipeline: ${truth.get(planted.obsid)!.class} .* km/s$`));
    // The planted one is among few marks, not one of many: most pipeline answers are right.
    expect(await page.getByTestId('fit-mark').count()).toBeLessThanOrEqual(5);
    // The fits took the spectra the thumbnails decoded: no file of the page was read twice.
    const onPage = items.slice(0, 20).map((i) => i.obsid);
    expect(onPage.map((o) => reads.get(o))).toEqual(onPage.map(() => 1));
    await noOverlaps(page);
    await page.screenshot({ path: join(ROOT, 'test-results/browse-fit-marks-1280x800.png') });
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000);

  it('1280×800: one correction on the first page, the rest counted as seen, resumed after a reload', async () => {
    const page = await web.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems = pageProblems(page);
    await page.goto(web.served.url);
    await openBrowse(page, browse);
    // 5 × 4 thumbnails, each drawn, each with obsid, class / subclass / z and S/N.
    await expect.poll(() => drawnThumbs(page), { timeout: 20_000 }).toBe(20);
    expect(await page.getByTestId('thumb').count()).toBe(20);
    const first = items[0]!;
    expect(await page.getByTestId('thumb').first().innerText()).toContain(String(first.obsid));
    expect(await page.getByTestId('thumb-answer').first().innerText()).toBe(
      `STAR ${first.pipeline.subclass} · z ${first.pipeline.z.toFixed(4)} · S/N r ${first.pipeline.snr.r!.toFixed(0)}`,
    );
    await noOverlaps(page);

    // The one planted wrong star is on this page; the cursor goes there by keys and z is typed.
    const wrong = items.slice(0, 20).filter((i) => truth.get(i.obsid)!.pipelineError !== null);
    expect(wrong).toHaveLength(1);
    const planted = wrong[0]!;
    for (let k = 0; k < planted.position % 5; k++) await page.keyboard.press('ArrowRight');
    for (let k = 0; k < Math.floor(planted.position / 5); k++) await page.keyboard.press('ArrowDown');
    expect(await cursorObsid(page)).toBe(planted.obsid);
    await page.keyboard.press('z');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('0');
    await page.keyboard.press('Enter');
    await page.keyboard.press('4');
    await expect.poll(() => page.locator(`[data-obsid="${planted.obsid}"] [data-testid="mine-mark"]`).count()).toBe(1);
    expect(await cursorObsid(page)).toBe(items[planted.position + 1]!.obsid);
    await page.screenshot({ path: join(ROOT, 'test-results/browse-1280x800.png') });

    // PgDn: the page is seen. The bookmark moves past it and the done count is 20, with one verdict row.
    await page.keyboard.press('PageDown');
    await expect.poll(() => page.getByTestId('browse-page').innerText()).toContain('spectra 21–40');
    await expect
      .poll(async () => (await apiCall<BatchSummary[]>(web.served.url, 'listBatches')).find((b) => b.id === browse.id))
      .toMatchObject({ bookmark: 20, reviewedCount: 20 });
    const after = await apiCall<Item[]>(web.served.url, 'listItems', { batchId: browse.id });
    const withVerdict = after.filter((i) => i.verdict !== null);
    expect(withVerdict.map((i) => i.obsid)).toEqual([planted.obsid]);
    const v = withVerdict[0]!.verdict!;
    const t = truth.get(planted.obsid)!;
    expect(v.class).toBe(t.class);
    expect(Math.abs(v.z - t.z)).toBeLessThan(0.001);
    expect(v.quality).toBe(4);

    // A reload resumes at the bookmark: the second page, cursor on its first thumbnail.
    await page.reload();
    await openBrowse(page, { ...browse });
    expect(await page.getByTestId('browse-page').innerText()).toContain('spectra 21–40');
    expect(await page.getByTestId('browse-done').innerText()).toContain('done 20 of');
    expect(await cursorObsid(page)).toBe(items[20]!.obsid);

    // Enter opens the thumbnail in single mode; Esc comes back to the same place in the grid.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.getByTestId('review').waitFor();
    expect(await page.getByTestId('review').innerText()).toContain(String(items[21]!.obsid));
    await page.keyboard.press('Escape');
    await page.getByTestId('browse').waitFor();
    expect(await cursorObsid(page)).toBe(items[21]!.obsid);
    expect(await page.getByTestId('browse-page').innerText()).toContain('spectra 21–40');

    // ? lists the grid's own keys first.
    await page.keyboard.press('?');
    expect(await page.getByTestId('mode-keys').innerText()).toContain('PageDown');
    await page.keyboard.press('Escape');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('1920×1080: more thumbnails per page, none overlapping or cut off', async () => {
    const page = await web.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(web.served.url);
    await openBrowse(page, browse);
    const count = await page.getByTestId('thumb').count();
    expect(count).toBeGreaterThan(20);
    await expect.poll(() => drawnThumbs(page), { timeout: 20_000 }).toBe(count);
    await noOverlaps(page);
    await page.screenshot({ path: join(ROOT, 'test-results/browse-1920x1080.png') });
    await page.close();
  });
});
