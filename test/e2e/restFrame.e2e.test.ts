/**
 * The rest-frame toggle in single mode on the demo: `x` puts the wavelength axis in the rest
 * frame of the draft's z (ticks at λ/(1+z) of what is on screen), the header says which frame,
 * it follows the next spectrum's z, and `x` again is observed. Screenshots
 * test-results/rest-frame-*.png.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoBatch, pageProblems, ROOT, webEditionForSuite } from './support';

const chart = (page: Page) => page.getByTestId('spectrum-chart');
const ticks = async (page: Page) => ((await chart(page).getAttribute('data-ticks')) ?? '').split(' ').map(Number);
const view = async (page: Page) => ((await chart(page).getAttribute('data-view')) ?? '').split('-').map(Number) as [number, number];
const draftZ = async (page: Page) => Number(/z = (-?[\d.]+)/.exec(await page.getByTestId('draft').innerText())![1]);

/** Whether every tick label lies within the view divided by (1 + z) (the axis is redrawn after a frame). */
async function restTicksFit(page: Page): Promise<string> {
  const z = await draftZ(page);
  const [lo, hi] = await view(page);
  const shown = await ticks(page);
  const out = shown.filter((t) => t < Math.floor(lo / (1 + z)) - 1 || t > Math.ceil(hi / (1 + z)) + 1);
  return shown.length > 2 && out.length === 0 ? 'fit' : `ticks ${shown.join(' ')} for ${lo}–${hi} at z ${z}`;
}

describe('web edition, single mode: rest frame / observed', () => {
  const web = webEditionForSuite();

  for (const size of [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ]) {
    it(`${size.width}×${size.height}: x toggles the axis frame, the header says which`, async () => {
      const single = await demoBatch(web.served, 'single');
      const page = await web.browser.newPage({ viewport: size });
      const problems = pageProblems(page);
      await page.goto(web.served.url);
      await page.getByTestId('batch-row').first().waitFor();
      while ((await page.locator('[data-testid="batch-row"][aria-current="true"] td').first().innerText()).trim() !== single.name) await page.keyboard.press('j');
      await page.keyboard.press('Enter');
      await expect.poll(() => chart(page).getAttribute('data-painted-obsid'), { timeout: 20_000 }).toMatch(/^\d+$/);
      // A spectrum whose z tells the frames apart.
      for (let i = 0; i < 20 && (await draftZ(page)) < 0.05; i++) await page.keyboard.press('n');
      const z = await draftZ(page);
      expect(z).toBeGreaterThan(0.05);
      expect(await page.getByTestId('view-state').innerText()).toContain('observed frame');
      const observed = await ticks(page);
      const [lo] = await view(page);
      expect(observed[0]).toBeGreaterThanOrEqual(lo - 1);

      await page.keyboard.press('x');
      await expect.poll(() => chart(page).getAttribute('data-frame')).toBe('rest');
      expect(await page.getByTestId('view-state').innerText()).toContain(`rest frame (z ${z.toFixed(4)})`);
      await expect.poll(() => restTicksFit(page)).toBe('fit');
      expect((await ticks(page))[0]).toBeLessThan(observed[0]! / (1 + z / 2));
      await page.screenshot({ path: join(ROOT, `test-results/rest-frame-${size.width}x${size.height}.png`) });

      // Kept on the next spectrum, in that one's frame.
      await page.keyboard.press('n');
      await expect.poll(() => page.getByTestId('view-state').innerText()).toContain(`rest frame (z ${(await draftZ(page)).toFixed(4)})`);
      await expect.poll(() => restTicksFit(page)).toBe('fit');

      await page.keyboard.press('x');
      await expect.poll(() => chart(page).getAttribute('data-frame')).toBe('observed');
      expect(await page.getByTestId('view-state').innerText()).toContain('observed frame');
      expect(problems).toEqual([]);
      await page.close();
    });
  }
});
