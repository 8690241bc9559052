/**
 * The settings panel by keyboard: Ctrl+, opens it; a review key rebound by pressing the new
 * one works and the old one no longer does, in the key hint and the key help too, and after a
 * reload (kept in the person's cache); a key another action has is refused naming both, in the
 * panel and at the API, and so is Tab (it moves the focus); Enter's "as is" quality is a setting; Reset gives the defaults back.
 * Screenshots test-results/settings-*.png.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Item } from '../../shared/model';
import type { Settings } from '../../shared/settings';
import { apiCall, demoBatch, pageProblems, ROOT, webEditionForSuite } from './support';

const header = (page: Page) => page.getByTestId('review-header').innerText();

/** From the batch list, the cursor to the single batch and Enter. */
async function openSingle(page: Page, name: string): Promise<void> {
  await page.getByTestId('batch-row').first().waitFor();
  for (let i = 0; i < 5; i++) {
    const at = await page.locator('[data-testid="batch-row"][aria-current="true"] td').first().innerText();
    if (at.trim() === name) break;
    await page.keyboard.press('j');
  }
  await page.keyboard.press('Enter');
  await page.getByTestId('review').waitFor();
}

async function rebindKey(page: Page, own: string, to: string): Promise<void> {
  await page.locator(`[data-chord="${own}"]`).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator(`[data-chord="${own}"]`).innerText()).toBe('press a key…');
  await page.keyboard.press(to);
}
const message = (page: Page) => page.getByTestId('settings-message').innerText();

describe('web edition, settings: key rebinding and Enter’s quality', () => {
  const web = webEditionForSuite();

  it('1280×800: n rebound to h; g refused naming both; kept after a reload; quality 2 for Enter; reset', async () => {
    const single = await demoBatch(web.served, 'single');
    const page = await web.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems = pageProblems(page);
    await page.goto(web.served.url);
    await page.getByTestId('batch-row').first().waitFor();
    await page.keyboard.press('Control+Comma');
    await page.getByTestId('settings').waitFor();

    await rebindKey(page, 'n', 'g');
    await expect.poll(() => message(page)).toMatch(/^g is already "class GALAXY"; "next spectrum" keeps n/);
    await rebindKey(page, 'n', 'PageDown');
    await expect.poll(() => message(page)).toMatch(/browse grid: next page.*"next spectrum"/);
    // Tab and Shift+Tab move the focus (and turn the key help's pages): no action may take them.
    await rebindKey(page, 'n', 'Tab');
    await expect.poll(() => message(page)).toBe('Tab moves the focus and turns the key help\'s pages; "next spectrum" keeps n — pick another key');
    await rebindKey(page, 'n', 'Shift+Tab');
    await expect.poll(() => message(page)).toMatch(/^Shift\+Tab moves the focus .*"next spectrum" keeps n/);
    await rebindKey(page, 'n', 'h');
    await expect.poll(() => message(page)).toBe('h now: next spectrum');
    await page.getByTestId('accept-quality').selectOption('2');
    await expect.poll(() => message(page)).toBe('Enter now saves quality 2');
    await page.screenshot({ path: join(ROOT, 'test-results/settings-1280x800.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('settings').count()).toBe(0);
    expect(await apiCall<Settings>(web.served.url, 'getSettings')).toEqual({ keys: { n: 'h' }, screenKeys: {}, acceptQuality: 2 });

    for (const round of ['before', 'after a reload']) {
      if (round !== 'before') await page.reload();
      await openSingle(page, single.name);
      const at = Number(/(\d+) \/ \d+/.exec(await header(page))![1]);
      await page.keyboard.press('n');
      await page.keyboard.press('n');
      expect(await header(page), `${round}: n no longer moves`).toContain(`${at} / ${single.itemCount}`);
      await page.keyboard.press('h');
      await expect.poll(() => header(page)).toContain(`${at + 1} / ${single.itemCount}`);
      expect(await page.getByTestId('key-hint').innerText()).toMatch(/→ h\s+next/);
      await page.keyboard.press('?');
      const help = await page.getByRole('dialog', { name: 'review keys' }).innerText();
      expect(help).toMatch(/→\s+h\s+next spectrum/);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
    }

    // Enter saves the pipeline's answer at the reviewer's quality.
    await openSingle(page, single.name);
    const at = Number(/(\d+) \/ \d+/.exec(await header(page))![1]);
    await page.keyboard.press('Enter');
    // A class and z the app questions: the same key again saves it.
    if (/questioned|again/i.test(await page.getByTestId('notice').innerText().catch(() => ''))) await page.keyboard.press('Enter');
    await expect.poll(() => header(page)).toContain(`${at + 1} / ${single.itemCount}`);
    const items = await apiCall<Item[]>(web.served.url, 'listItems', { batchId: single.id });
    expect(items[at - 1]!.verdict?.quality).toBe(2);

    // A hand-made call cannot store two actions on one key either.
    await expect(apiCall(web.served.url, 'saveSettings', { keys: { n: 'g' }, acceptQuality: 3 })).rejects.toThrow(/400.*class GALAXY.*next spectrum/);
    await expect(apiCall(web.served.url, 'saveSettings', { keys: { n: 'Tab' }, acceptQuality: 3 })).rejects.toThrow(/400.*Tab moves the focus/);

    await page.keyboard.press('Control+Comma');
    await page.getByRole('button', { name: 'Reset to defaults' }).click();
    await expect.poll(() => apiCall<Settings>(web.served.url, 'getSettings')).toEqual({ keys: {}, screenKeys: {}, acceptQuality: 3 });
    await page.keyboard.press('Escape');
    const back = Number(/(\d+) \/ \d+/.exec(await header(page))![1]);
    await page.keyboard.press('n');
    await expect.poll(() => header(page)).toContain(`${back + 1} / ${single.itemCount}`);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('1920×1080: the panel fits, opened from the top bar', async () => {
    const page = await web.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(web.served.url);
    await page.getByRole('button', { name: 'Settings' }).click();
    const box = (await page.getByTestId('settings').boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(1080);
    await page.screenshot({ path: join(ROOT, 'test-results/settings-1920x1080.png') });
    await page.close();
  });
});
