/**
 * The review keys over a whole batch, as a new reviewer walks it: a changed draft survives
 * moving away and back, leaving the batch stores the bookmark at once, the end of the batch
 * is said out loud, and Ctrl+Z on a verdict of another batch does not throw the reviewer
 * back to spectrum 1.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BatchSummary, Item } from '../../shared/model';
import { apiCall, demoBatch, openPage, pageProblems, webEditionForSuite } from './support';

describe('web edition, reviewing a batch from end to end', () => {
  const web = webEditionForSuite();
  let page: Page;
  let single: BatchSummary;
  let browse: BatchSummary;
  let items: Item[];

  const obsid = () => page.getByTestId('obsid').innerText();
  const outbox = () => page.getByTestId('outbox').innerText();
  const notice = () => page.getByTestId('notice').locator('span').innerText();
  const showsSpectrum = (n: number) => expect.poll(obsid).toBe(`obsid ${items[n]!.obsid}`);
  const openFromList = async (batch: BatchSummary) => {
    await page.getByRole('heading', { name: 'Your batches' }).waitFor();
    await page.getByRole('button', { name: batch.name, exact: true }).click();
    if (batch.mode !== 'browse') return page.getByTestId('review').waitFor();
    // A browse batch opens as its grid; Enter opens the thumbnail under the cursor.
    await page.getByTestId('browse').waitFor();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Enter');
    await page.getByTestId('review').waitFor();
  };

  beforeAll(async () => {
    single = await demoBatch(web.served, 'single');
    browse = await demoBatch(web.served, 'browse');
    items = await apiCall<Item[]>(web.served.url, 'listItems', { batchId: single.id });
    page = await openPage(web.browser, web.served.url);
  });

  it('keeps a changed draft when moving off a spectrum and back; 4 then saves that draft', async () => {
    await openFromList(single);
    await showsSpectrum(0);
    await page.keyboard.press('q');
    // +0.03 (Alt+] three times): a QSO nearer than z 0.002 would be questioned (shared/plausibility.ts).
    for (let i = 0; i < 3; i++) await page.keyboard.press('Alt+]');
    const z = (Math.round((items[0]!.pipeline.z + 0.03) * 1e6) / 1e6).toFixed(4);
    const mine = new RegExp(`^yours: QSO · z = ${z}`);
    await expect.poll(() => page.getByTestId('draft').innerText()).toMatch(mine);
    await page.keyboard.press('n');
    await showsSpectrum(1);
    await page.keyboard.press('b');
    await showsSpectrum(0);
    expect(await page.getByTestId('draft').innerText()).toMatch(mine);
    await page.keyboard.press('4');
    await showsSpectrum(1);
    await expect.poll(outbox).toBe('1 not pushed');
    await page.keyboard.press('b');
    await expect.poll(() => page.getByTestId('verdict').innerText()).toBe(`saved: QSO z = ${z} q4 (not pushed yet)`);
  });

  it('leaving the batch stores the bookmark at once: opening it again resumes where the reviewer was', async () => {
    await page.keyboard.press('n');
    await page.keyboard.press('n');
    await showsSpectrum(2);
    await page.keyboard.press('Escape');
    await openFromList(single);
    await showsSpectrum(2);
  });

  it('says where the batch ends instead of staying on the last spectrum in silence', async () => {
    const last = items.length - 1;
    await page.keyboard.press('Escape');
    // The list's bookmark must be the one stored on leaving, before the test moves it.
    await expect.poll(async () => (await apiCall<BatchSummary[]>(web.served.url, 'listBatches')).find((b) => b.id === single.id)!.bookmark).toBe(2);
    await apiCall(web.served.url, 'setBookmark', { batchId: single.id, position: last });
    await page.reload();
    await openFromList(single);
    await showsSpectrum(last);
    await page.keyboard.press('ArrowRight');
    await expect.poll(notice).toMatch(`end of batch: 1 of ${items.length} reviewed — Esc or ‹ Batches for the list`);
    await showsSpectrum(last);
    await page.keyboard.press('3');
    await expect.poll(notice).toMatch(`end of batch: 2 of ${items.length} reviewed`);
    await expect.poll(outbox).toBe('2 not pushed');
    await expect.poll(() => page.getByTestId('verdict').innerText()).toMatch(/ q3 \(not pushed yet\)$/);
    await showsSpectrum(last);
  });

  it('Ctrl+Z on a verdict from another batch says which and stays; in this batch it goes back to it', async () => {
    const last = items.length - 1;
    const browseFirst = (await apiCall<Item[]>(web.served.url, 'listItems', { batchId: browse.id }))[0]!;
    await page.keyboard.press('Escape');
    await openFromList(browse);
    await expect.poll(obsid).toBe(`obsid ${browseFirst.obsid}`);
    await page.keyboard.press('Enter');
    await expect.poll(outbox).toBe('3 not pushed');
    await page.keyboard.press('Escape'); // back to the grid
    await page.getByTestId('browse').waitFor();
    await page.keyboard.press('Escape');
    await openFromList(single);
    await showsSpectrum(last);

    await page.keyboard.press('Control+z');
    await expect.poll(notice).toBe(`verdict on ${browseFirst.obsid} (batch ${browse.name}) withdrawn`);
    await expect.poll(outbox).toBe('2 not pushed');
    await showsSpectrum(last);

    // The newest now is the one on the last spectrum; then the one on the first.
    await page.keyboard.press('b');
    await page.keyboard.press('Control+z');
    await expect.poll(notice).toBe(`verdict on ${items[last]!.obsid} withdrawn`);
    await showsSpectrum(last);
    expect(await page.getByTestId('verdict').innerText()).toBe('no verdict yet');
    await page.keyboard.press('Control+z');
    await showsSpectrum(0);
    await expect.poll(outbox).toBe('0 not pushed');
    expect(await page.getByTestId('verdict').innerText()).toBe('no verdict yet');

    await page.keyboard.press('Control+z');
    await expect.poll(notice).toBe('nothing to undo');
    expect(pageProblems(page)).toEqual([]);
  });
});
