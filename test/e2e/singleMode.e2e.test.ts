/**
 * Single mode by keyboard at 1280×800 and 1920×1080: smoothing (. ,), the error band (e), zoom
 * and pan (+ − Shift+← → r), typing an exact z (z, Enter / Esc, a value outside the range
 * refused with the text kept), and the side panel with the pipeline's answer. Looks at what a
 * person sees (header text, the chart's pixels and range, boxes that must not overlap) and saves
 * screenshots to test-results/single-*.png.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BatchSummary, Item } from '../../shared/model';
import { apiCall, demoBatch, pageProblems, ROOT, webEditionForSuite } from './support';

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

type Box = { x: number; y: number; width: number; height: number };
const box = async (page: Page, selector: string): Promise<Box> => (await page.locator(selector).first().boundingBox())!;
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const chart = (page: Page) => page.getByTestId('spectrum-chart');
const viewOf = async (page: Page) => (await chart(page).getAttribute('data-view'))!.split('-').map(Number) as [number, number];
/** A digest of the chart's pixels: changes when anything drawn on it changes. */
const pixels = (page: Page) =>
  page.evaluate(() => {
    const c = document.querySelector<HTMLCanvasElement>('[data-testid="spectrum-chart"] canvas')!;
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let h = 0;
    for (let i = 0; i < d.length; i += 4) h = (h * 31 + d[i]! + d[i + 1]! * 7 + d[i + 2]! * 13) | 0;
    return h;
  });

describe('web edition, single mode by keyboard', () => {
  const web = webEditionForSuite();
  let single: BatchSummary;
  let items: Item[];

  beforeAll(async () => {
    single = await demoBatch(web.served, 'single');
    items = await apiCall<Item[]>(web.served.url, 'listItems', { batchId: single.id });
  });

  for (const size of SIZES) {
    it(`${size.width}×${size.height}: smoothing, error band, zoom, typed z and the side panel`, async () => {
      const page = await web.browser.newPage({ viewport: size });
      await page.goto(web.served.url);
      await page.getByRole('button', { name: single.name, exact: true }).click();
      await page.locator('[data-painted-obsid]:not([data-painted-obsid=""])').waitFor();
      const obsid = Number(await chart(page).getAttribute('data-painted-obsid'));
      const item = items.find((i) => i.obsid === obsid)!;
      // Keys go to the page, not to the button that was clicked.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

      // The side panel lists the pipeline's answer and the demo colleagues' earlier verdicts,
      // the one that differs from yours (still the pipeline's) marked ≠.
      const panel = page.getByTestId('side-panel');
      expect(await panel.getByTestId('side-pipeline').innerText()).toBe(`${item.pipeline.class} ${item.pipeline.subclass}`.trim());
      expect(await panel.innerText()).toContain(`${item.pipeline.z.toFixed(4)} ± ${item.pipeline.zErr.toFixed(4)}`);
      // The target and the night as the demo survey has them (a sync test proves a pull brings them).
      expect(item.tsource).not.toBe('');
      expect(await panel.getByTestId('side-objtype').innerText()).toBe(item.objtype);
      expect(await panel.getByTestId('side-tsource').innerText()).toBe(item.tsource);
      const mag = (b: 'g' | 'r' | 'i') => `${b} ${item.mag[b]?.toFixed(2) ?? '–'}`;
      expect((await panel.getByTestId('side-mag').innerText()).replace(/\s+/g, ' ')).toBe(`${mag('g')} ${mag('r')} ${mag('i')}`);
      expect(await panel.getByTestId('side-seeing').innerText()).toBe(`${item.seeing!.toFixed(1)}″`);
      expect(await panel.getByTestId('side-moon').innerText()).toBe(`${Math.round(item.moon! * 100)} % lit`);
      const history = panel.getByTestId('side-history').locator('li');
      expect(await history.count()).toBe(2);
      expect(await history.nth(0).innerText()).toMatch(new RegExp(`^li\\.wei, [0-9-]+\\s+${item.pipeline.class} `));
      expect(await history.nth(0).getAttribute('class')).toBeNull();
      expect(await history.nth(1).innerText()).toMatch(/^≠ zhang\.min, /);
      expect(await history.nth(1).getAttribute('class')).toBe('disagrees');

      // Smoothing: five presses of "." say so in the header and change the plot; "," goes back.
      expect(await page.getByTestId('view-state').innerText()).toBe('no smoothing · σ band on · observed frame');
      const raw = await pixels(page);
      for (let i = 0; i < 5; i++) await page.keyboard.press('.');
      await expect.poll(() => page.getByTestId('view-state').innerText()).toBe('smooth 5 · σ band on · observed frame');
      await expect.poll(() => pixels(page)).not.toBe(raw);
      const smoothed = await pixels(page);

      // The error band off and on: the picture changes, the header says which.
      await page.keyboard.press('e');
      await expect.poll(() => page.getByTestId('view-state').innerText()).toBe('smooth 5 · σ band off · observed frame');
      await expect.poll(() => pixels(page)).not.toBe(smoothed);
      await page.keyboard.press('e');

      // Zoom in around the centre, pan right, zoom out, reset — the spectrum stays the same one.
      const [fullMin, fullMax] = await viewOf(page);
      await page.keyboard.press('+');
      await expect.poll(async () => (await viewOf(page))[1] - (await viewOf(page))[0]).toBeLessThan((fullMax - fullMin) * 0.55);
      const [inMin] = await viewOf(page);
      await page.keyboard.press('Shift+ArrowRight');
      await expect.poll(async () => (await viewOf(page))[0]).toBeGreaterThan(inMin);
      expect(Number(await chart(page).getAttribute('data-painted-obsid'))).toBe(obsid);
      await page.screenshot({ path: join(ROOT, `test-results/single-zoomed-${size.width}x${size.height}.png`) });
      await page.keyboard.press('-');
      await page.keyboard.press('r');
      await expect.poll(() => viewOf(page)).toEqual([fullMin, fullMax]);
      // Dragging across the chart still zooms (uPlot's select), and r still resets.
      const over = await box(page, '[data-testid="spectrum-chart"] .u-over');
      const y = over.y + over.height / 2;
      await page.mouse.move(over.x + over.width * 0.3, y);
      await page.mouse.down();
      await page.mouse.move(over.x + over.width * 0.45, y, { steps: 5 });
      await page.mouse.move(over.x + over.width * 0.6, y, { steps: 5 });
      await page.mouse.up();
      await expect.poll(async () => (await viewOf(page))[1] - (await viewOf(page))[0]).toBeLessThan((fullMax - fullMin) * 0.4);
      await page.mouse.move(0, 0);
      await page.keyboard.press('r');
      await expect.poll(() => viewOf(page)).toEqual([fullMin, fullMax]);

      // Typed z: a value outside the range is refused with the text kept; a good one is taken.
      await page.keyboard.press('z');
      const field = page.getByRole('textbox', { name: 'exact z' });
      await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.type('9');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('z-entry').getByRole('alert').innerText()).toBe('z must be within -0.1 … 8, got 9');
      expect(await field.inputValue()).toBe('9');
      const entry = await box(page, '[data-testid="z-entry"]');
      expect(entry.x + entry.width).toBeLessThanOrEqual((await box(page, '.chart-area')).x + (await box(page, '.chart-area')).width);
      await page.screenshot({ path: join(ROOT, `test-results/single-typed-z-refused-${size.width}x${size.height}.png`) });
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByTestId('z-entry').count()).toBe(0);
      expect(await page.getByTestId('draft').innerText()).toContain(`z = ${item.pipeline.z.toFixed(4)}`);
      await page.keyboard.press('z');
      await field.waitFor();
      await page.keyboard.type('0.5');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('draft').innerText()).toContain('z = 0.5000');
      // Escape closed only the field: the batch is still open.
      expect(await page.getByTestId('review').count()).toBe(1);

      // Layout: header parts, chart and side panel side by side, nothing cut off.
      const header = await box(page, '[data-testid="view-state"]');
      expect(overlaps(header, await box(page, '[data-testid="obsid"]'))).toBe(false);
      expect(overlaps(header, await box(page, '.review-header .position'))).toBe(false);
      const side = await box(page, '[data-testid="side-panel"]');
      const chartBox = await box(page, '.chart-area');
      expect(overlaps(side, chartBox)).toBe(false);
      expect(side.x + side.width).toBeLessThanOrEqual(size.width);
      expect(await panel.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      for (const p of await page.getByTestId('key-hint').locator(':scope > span').all()) {
        const b = (await p.boundingBox())!;
        expect(b.x + b.width, await p.innerText()).toBeLessThanOrEqual(size.width);
        expect(b.y + b.height).toBeLessThanOrEqual(size.height);
      }
      expect(pageProblems(page)).toEqual([]);
      await page.screenshot({ path: join(ROOT, `test-results/single-${size.width}x${size.height}.png`) });

      // The key help lists the lines marked for the class under review.
      await page.keyboard.press('?');
      await expect.poll(() => page.getByTestId('lines-in-use').innerText()).toMatch(new RegExp(`^Lines marked for ${item.pipeline.class}`));
      await page.screenshot({ path: join(ROOT, `test-results/single-key-help-${size.width}x${size.height}.png`) });
      await page.close();
    });
  }
});
