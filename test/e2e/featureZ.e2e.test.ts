/**
 * Click a feature, then Shift + a line's key: z is set so the feature sits on that line. Clicks
 * where the chart draws 7221 Å (Hα at z 0.1) and checks the draft's z, the notice, a z outside the
 * range refused with the draft kept, and Shift+A without a click on this spectrum explained.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { featureLineRest } from '../../shared/featureLines';
import { demoBatch, pageProblems, ROOT, webEditionForSuite } from './support';

const draftZ = async (page: Page) => Number(/z = (-?[0-9.]+)/.exec(await page.getByTestId('draft').innerText())![1]);

/** Clicks the chart where it draws `wavelength` (Å), from the view range the chart reports. */
async function clickAt(page: Page, wavelength: number): Promise<void> {
  const [min, max] = (await page.getByTestId('spectrum-chart').getAttribute('data-view'))!.split('-').map(Number) as [number, number];
  const over = (await page.locator('[data-testid="spectrum-chart"] .u-over').boundingBox())!;
  await page.mouse.click(over.x + ((wavelength - min) / (max - min)) * over.width, over.y + over.height / 2);
}

describe('web edition, z from a clicked feature', () => {
  const web = webEditionForSuite();

  it('1280×800: click 7221 Å, Shift+A puts Hα there (z ≈ 0.1); out of range refused; no click explained', async () => {
    const single = await demoBatch(web.served, 'single');
    const page = await web.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems = pageProblems(page);
    await page.goto(web.served.url);
    await page.getByRole('button', { name: single.name, exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-painted-obsid]:not([data-painted-obsid=""])').waitFor();
    // The notice's line, without its close button.
    const notice = { innerText: async () => (await page.getByTestId('notice').innerText()).split('\n')[0] };

    const halpha = featureLineRest('Hα');
    await clickAt(page, halpha * 1.1);
    await page.keyboard.press('Shift+A');
    await expect.poll(() => notice.innerText()).toMatch(/^7[0-9]{3}\.[0-9] Å is Hα: z = 0\.[0-9]{4}$/);
    // One screen pixel is ≈ 4 Å here: z lands within 0.002 of 0.1.
    expect(Math.abs((await draftZ(page)) - 0.1)).toBeLessThan(0.002);
    await page.screenshot({ path: join(ROOT, 'test-results/feature-halpha-1280x800.png') });
    const z = await draftZ(page);

    // The same feature as Lyα: z ≈ 4.94, in range.
    await page.keyboard.press('Shift+Y');
    await expect.poll(() => draftZ(page)).toBeCloseTo((halpha * 1.1) / featureLineRest('Lyα') - 1, 1);
    await page.keyboard.press('Shift+A');
    expect(await draftZ(page)).toBe(z);

    // A feature at 4000 Å as Hα would be z −0.39: refused, the draft's z kept.
    await clickAt(page, 4000);
    await page.keyboard.press('Shift+A');
    await expect.poll(() => notice.innerText()).toMatch(/^[34][0-9]{3} Å as Hα \(6565 Å\) would be z -0\.3[0-9]{3}, outside -0\.1 … 8; click another feature or pick another line$/);
    expect(await draftZ(page)).toBe(z);

    // On the next spectrum nothing is clicked yet.
    await page.keyboard.press('n');
    await page.keyboard.press('Shift+O');
    await expect.poll(() => notice.innerText()).toBe("click a feature on the chart first, then Shift + its line's key to put it on [O III] 5008");
    expect(problems).toEqual([]);
    await page.close();
  });
});
