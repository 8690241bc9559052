/**
 * Every screen's keys rebound in the settings panel, by keyboard (issue 13): a browse grid key,
 * a spectrograph view key and a desk key each moved to a new chord, then used by that chord
 * (the old one no longer acts) and listed by `?` and the hint line under it; a chord live on
 * the same screen is refused naming both actions. The browse and spectrograph halves on the
 * demo (web edition); the desk half as a coordinator on a real MariaDB world.
 * Screenshots test-results/keys-*.png.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { BatchSummary } from '../../shared/model';
import type { Settings } from '../../shared/settings';
import { useWorld } from '../support/world';
import { useDeskBrowser } from './deskSupport';
import { apiCall, demoBatch, mariaDbForFile, pageProblems, ROOT, webEditionForSuite } from './support';

const message = (page: Page) => page.getByTestId('settings-message').innerText();
const help = (page: Page) => page.getByRole('dialog', { name: 'review keys' });

/** In the open settings panel: the screen's keys listed, `own`'s Rebind pressed by keys, then `to`. */
async function rebindKey(page: Page, scope: string, own: string, to: string): Promise<void> {
  await page.getByTestId('key-scope').selectOption(scope);
  await page.locator(`[data-chord="${own}"]`).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator(`[data-chord="${own}"]`).innerText()).toBe('press a key…');
  await page.keyboard.press(to);
}

async function openSettings(page: Page): Promise<void> {
  await page.keyboard.press('Control+Comma');
  await page.getByTestId('settings').waitFor();
}

async function closeSettings(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await expect.poll(() => page.getByTestId('settings').count()).toBe(0);
}

async function openBatch(page: Page, batch: BatchSummary, testid: string): Promise<void> {
  await page.getByRole('button', { name: batch.name, exact: true }).click();
  await page.getByTestId(testid).waitFor();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

/** The `?` help's rows for the open view: the row whose text starts with `text`, as "keys\ttext". */
async function helpRow(page: Page, text: string): Promise<string> {
  await page.keyboard.press('?');
  const rows = await help(page).getByTestId('mode-keys').locator('li').allInnerTexts();
  await page.keyboard.press('Escape');
  return rows.find((r) => r.includes(text)) ?? `(no row "${text}" in ${rows.join(' | ')})`;
}

describe('web edition, the demo: browse and spectrograph keys rebound', () => {
  const web = webEditionForSuite();

  it('1280×800: PgDn of the grid on h, o of the spectrograph on v; a clash refused naming both', async () => {
    const browse = await demoBatch(web.served, 'browse');
    const slit = await demoBatch(web.served, 'spectrograph');
    const page = await web.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems = pageProblems(page);
    await page.goto(web.served.url);
    await page.getByTestId('batch-row').first().waitFor();

    await openSettings(page);
    // f is the review keys' flags, live in the grid (on the thumbnail under the cursor).
    await rebindKey(page, 'browse', 'PageDown', 'f');
    await expect.poll(() => message(page)).toMatch(/^f is already "flags: .*"; "next page — .*" keeps PageDown — rebind that one first/);
    await rebindKey(page, 'browse', 'PageDown', 'h');
    await expect.poll(() => message(page)).toBe('h now: next page — this page counts as seen, the bookmark moves past it');
    // The spectrograph view and the grid are never on screen together: h is free there.
    await rebindKey(page, 'spectrograph', 'o', 'p');
    await expect.poll(() => message(page)).toMatch(/^p is already "report a problem on the selected fibres .*"; "all 250 fibres at once .*" keeps o/);
    await rebindKey(page, 'spectrograph', 'o', 'v');
    await expect.poll(() => message(page)).toBe('v now: all 250 fibres at once / back to readable rows');
    expect(await page.locator('[data-chord="o"]').locator('xpath=..').innerText()).toMatch(/^v\s+all 250 fibres/);
    await page.screenshot({ path: join(ROOT, 'test-results/keys-settings-1280x800.png') });
    await closeSettings(page);
    expect(await apiCall<Settings>(web.served.url, 'getSettings')).toEqual({ keys: {}, screenKeys: { browse: { PageDown: 'h' }, spectrograph: { o: 'v' } }, acceptQuality: 3 });

    await openBatch(page, browse, 'browse');
    const pageText = () => page.getByTestId('browse-page').innerText();
    await expect.poll(pageText).toContain('spectra 1–20');
    await page.keyboard.press('PageDown');
    await page.keyboard.press('h');
    // One page on, not two: PgDn no longer pages.
    await expect.poll(pageText).toContain('spectra 21–40');
    expect(await page.locator('.browse .key-hint').innerText()).toMatch(/\bh page seen, next/);
    expect(await helpRow(page, 'next page')).toMatch(/^h\s+next page/);
    await page.screenshot({ path: join(ROOT, 'test-results/keys-browse-1280x800.png') });
    await page.keyboard.press('Escape');
    await page.getByTestId('batch-row').first().waitFor();

    await openBatch(page, slit, 'slit');
    const slitText = () => page.getByTestId('slit').innerText();
    await page.keyboard.press('o');
    await page.keyboard.press('v');
    await expect.poll(slitText).toContain('· all 250 fibres');
    expect(await page.locator('.slit .key-hint').innerText()).toMatch(/\bv all 250/);
    await page.keyboard.press('?');
    await expect.poll(() => help(page).getByTestId('mode-keys').innerText()).toMatch(/v\s+all 250 fibres at once/);
    await page.screenshot({ path: join(ROOT, 'test-results/keys-spectrograph-help-1280x800.png') });
    await page.keyboard.press('Escape');
    await page.keyboard.press('v');
    await expect.poll(slitText).not.toContain('· all 250 fibres');
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000);
});

mariaDbForFile();

describe('the desk: a coordinator’s keys rebound', () => {
  const w = useWorld({ plans: 1, spectrographs: 1, fibers: 4 });
  const { appAs } = useDeskBrowser();

  it('1280×800: Progress opened by w, its next view on w too; s (sync on the list) refused naming both', async () => {
    const page = await appAs(w.coordinator);
    await page.setViewportSize({ width: 1280, height: 800 });
    const problems = pageProblems(page);
    await page.getByRole('navigation', { name: 'desk screens' }).getByRole('button', { name: /Progress/ }).waitFor();

    await openSettings(page);
    await rebindKey(page, 'desk.home', 'p', 's');
    await expect.poll(() => message(page)).toMatch(/^s is already "batch list: sync with the server"; "Progress" keeps p — rebind that one first/);
    await rebindKey(page, 'desk.home', 'p', 'w');
    await expect.poll(() => message(page)).toBe('w now: Progress');
    // The progress screen's keys are live only inside it: w may mean something else there.
    await rebindKey(page, 'desk.progress', 'v', 'w');
    await expect.poll(() => message(page)).toBe('w now: next view (reviewer, batch, plan, night)');
    await closeSettings(page);

    // On the batch list ? lists the desk screens' keys as bound.
    await page.keyboard.press('?');
    await expect.poll(() => help(page).getByTestId('mode-keys').innerText()).toMatch(/w\s+Progress/);
    await page.screenshot({ path: join(ROOT, 'test-results/keys-desk-list-help-1280x800.png') });
    await page.keyboard.press('Escape');

    const progress = () => page.getByTestId('desk-progress-view');
    await page.keyboard.press('p');
    await page.keyboard.press('w');
    await expect.poll(() => progress().innerText()).toBe('per reviewer');
    await page.keyboard.press('v');
    await page.keyboard.press('w');
    await expect.poll(() => progress().innerText()).toBe('per batch');
    expect(await page.getByTestId('desk-keys').innerText()).toMatch(/\bw next view/);
    expect(await helpRow(page, 'next view')).toMatch(/^w\s+next view/);
    await page.screenshot({ path: join(ROOT, 'test-results/keys-desk-progress-1280x800.png') });
    expect(problems).toEqual([]);
  }, 180_000);
});
