/** What a reviewer sees when a spectrum file is broken or the server is gone: a readable line, never a blank page. */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BatchSummary, Item } from '../../shared/model';
import { cacheFile, DEMO_USER, openLocalCache } from '../../src-main/cache';
import { apiCall, chartInk, demoBatch, openPage, webEditionForSuite } from './support';

describe('web edition, errors', () => {
  const web = webEditionForSuite();
  let page: Page;
  let batch: BatchSummary;
  let items: Item[];

  beforeAll(async () => {
    // The single batch: a browse batch opens as its grid of thumbnails (browseMode.e2e.test.ts).
    batch = await demoBatch(web.served, 'single');
    items = await apiCall<Item[]>(web.served.url, 'listItems', { batchId: batch.id });
    // Damage the second spectrum's stored file the way a bad disk would.
    const cache = openLocalCache(cacheFile(web.served.home, { kind: 'demo' }), DEMO_USER);
    const path = cache.cachedFile(items[1]!.obsid)!;
    // …and the fifth's gzip stream garbled in the middle, as a bad download would leave it.
    const gzPath = cache.cachedFile(items[4]!.obsid)!;
    cache.close();
    writeFileSync(path, Buffer.from('SIMPLE  = this is not a FITS file any more'.padEnd(2880, ' ')));
    const gz = readFileSync(gzPath);
    gz.fill(0xa5, gz.length >> 1, (gz.length >> 1) + 64);
    writeFileSync(gzPath, gz);
    page = await openPage(web.browser, web.served.url);
  });

  it('a file that does not decode shows what is wrong; the next spectrum still plots', async () => {
    await page.getByRole('button', { name: batch.name }).click();
    await page.locator(`[data-painted-obsid="${items[0]!.obsid}"]`).waitFor();
    await page.keyboard.press('ArrowRight');
    const error = page.getByTestId('spectrum-error');
    await error.waitFor();
    // Says which spectrum and what is wrong with its file, once.
    expect(await error.innerText()).toMatch(new RegExp(`^spectrum ${items[1]!.obsid} cannot be shown: [a-z][^\\n]*(FITS|END|header)`));
    expect(await page.getByTestId('obsid').innerText()).toBe(`obsid ${items[1]!.obsid}`);
    await page.keyboard.press('ArrowRight');
    await page.locator(`[data-painted-obsid="${items[2]!.obsid}"]`).waitFor();
    expect(await chartInk(page)).toBeGreaterThan(0.002);
    await error.waitFor({ state: 'detached' });
  });

  it('a garbled gzip file says so in one line (the worker inflates with DecompressionStream); paging on works', async () => {
    await page.keyboard.press('ArrowRight');
    await page.locator(`[data-painted-obsid="${items[3]!.obsid}"]`).waitFor();
    await page.keyboard.press('ArrowRight');
    const error = page.getByTestId('spectrum-error');
    await error.waitFor();
    expect(await error.innerText()).toMatch(new RegExp(`^spectrum ${items[4]!.obsid} cannot be shown: (corrupt gzip data|gzip data inflates) [^\\n]+\\n`));
    await page.keyboard.press('ArrowRight');
    await page.locator(`[data-painted-obsid="${items[5]!.obsid}"]`).waitFor();
    await error.waitFor({ state: 'detached' });
    // Back where the tests below expect the review to be.
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
    await page.locator(`[data-painted-obsid="${items[2]!.obsid}"]`).waitFor();
  });

  it('signing in to a server that does not answer says so and keeps what was typed', async () => {
    await page.getByRole('button', { name: 'Sign in…' }).click();
    const form = page.getByRole('form', { name: 'sign in' });
    const server = form.getByLabel('server');
    await server.fill('mysql://alice@127.0.0.1:1/specvet');
    await form.getByLabel('password', { exact: true }).fill('not-this-one');
    await form.getByRole('button', { name: 'Sign in' }).click();
    const error = form.getByRole('alert');
    await error.waitFor();
    expect(await error.innerText()).toMatch(/127\.0\.0\.1:1/);
    expect(await error.innerText()).not.toMatch(/not-this-one/);
    expect(await server.inputValue()).toBe('mysql://alice@127.0.0.1:1/specvet');
    await form.getByRole('button', { name: 'Cancel' }).click();
    await form.waitFor({ state: 'detached' });
    expect(await page.getByTestId('status').innerText()).toMatch(/^demo · demo data/);
    expect(await page.getByTestId('obsid').innerText()).toBe(`obsid ${items[2]!.obsid}`);
  });

  it('a server that went away gives a one-line message, and the page stays', async () => {
    await web.served.stop();
    await page.keyboard.press('4');
    const notice = page.getByTestId('notice');
    await notice.waitFor();
    expect(await notice.innerText()).toMatch(/not saved: .*does not answer/);
    expect(await page.getByTestId('obsid').innerText()).toBe(`obsid ${items[2]!.obsid}`);
  });
});
