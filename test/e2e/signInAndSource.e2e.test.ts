/**
 * Signing in again and choosing where spectra come from, in a real browser against `specvet
 * serve` on a real MariaDB world: started with the address but no password, the sync asks for
 * a sign-in (a button in the top bar and in the error line, the address filled in); a whole
 * address pasted with its password is taken as it is; a data source folder that is not there is
 * refused with the text kept; without a data source the spectrum says how to choose one, and
 * Settings (Ctrl+, by keys) chooses it, after which Sync fetches the files and the spectrum plots.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Item } from '../../shared/model';
import type { Person } from '../central/fixtures';
import { useWorld } from '../support/world';
import { assign, loginOf, reviewer } from '../sync/world';
import { apiCall, launchChromium, mariaDbForFile, openPage, pageProblems, ROOT, startServe, type Served } from './support';

const FIXTURE = '/work/shared/fixtures/lamost/spec-57287-KP193637N444141V03_sp10-161.fits.gz';

mariaDbForFile();

const w = useWorld({ plans: 1, spectrographs: 1, fibers: 3 });

describe('sign in again, and the data source', () => {
  let bob: Person;
  let served: Served;
  let browser: Browser;
  let page: Page;
  let address: string;
  let data: string;

  beforeAll(async () => {
    bob = await reviewer(w);
    await assign(w, 'sources', [bob], 3);
    const l = loginOf(w, bob);
    address = `mysql://${l.user}@${l.host}:${l.port}/${l.database}`;
    data = mkdtempSync(join(tmpdir(), 'specvet-e2e-data-'));
    served = await startServe({ env: { SPECVET_CENTRAL: address } });
    browser = await launchChromium();
    page = await openPage(browser, served.url);
    await page.setViewportSize({ width: 1280, height: 800 });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await served?.stop();
    if (data) rmSync(data, { recursive: true, force: true });
  });

  const topBarSignIn = () => page.locator('.top-bar').getByRole('button', { name: 'Sign in…' });

  it('offers Sign in where the sync needs the password, with the address filled in; takes a pasted address whole', async () => {
    await expect.poll(() => topBarSignIn().count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByTestId('sync-state').innerText()).toMatch(/sign in again to sync/);
    await page.locator('.top-bar').getByRole('button', { name: 'Sync', exact: true }).click();
    await expect.poll(() => page.getByTestId('notice').getByRole('button', { name: 'Sign in…' }).count()).toBe(1);

    await topBarSignIn().click();
    const server = page.getByLabel('server', { exact: true });
    expect(await server.inputValue()).toBe(address);
    // Pasted whole over what is there: taken as it is, its password moved to its own field.
    await server.fill('mysql://');
    const full = address.replace('@', `:${encodeURIComponent(bob.password)}@`);
    await server.evaluate((el, text) => {
      const clipboardData = new DataTransfer();
      clipboardData.setData('text/plain', text);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
    }, full);
    await expect.poll(() => server.inputValue()).toBe(address);
    expect(await page.getByLabel('password', { exact: true }).inputValue()).toBe(bob.password);

    const source = page.getByTestId('data-source');
    await source.fill(join(data, 'not-mounted'));
    await page.screenshot({ path: join(ROOT, 'docs/sign-in.png') });
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect.poll(() => page.getByRole('dialog').getByRole('alert').innerText()).toBe(`data source ${join(data, 'not-mounted')} is not there; check the path (is the archive mounted?) and choose it again`);
    expect(await source.inputValue()).toBe(join(data, 'not-mounted'));
    await source.fill('');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => page.getByTestId('batch-row').count(), { timeout: 30_000 }).toBe(1);
    expect(await topBarSignIn().count()).toBe(0);
  });

  it('without a data source the spectrum says how to choose one; Ctrl+, chooses it and Sync fetches the files', async () => {
    await page.keyboard.press('Enter');
    const error = page.getByTestId('spectrum-error');
    await expect.poll(() => error.innerText()).toContain('no data source set — press Ctrl+, to choose one');

    const batch = (await apiCall<{ id: string }[]>(served.url, 'listBatches'))[0]!;
    for (const it of await apiCall<Item[]>(served.url, 'listItems', { batchId: batch.id })) {
      mkdirSync(dirname(join(data, it.filePath)), { recursive: true });
      copyFileSync(FIXTURE, join(data, it.filePath));
    }
    await page.keyboard.press('Control+,');
    const source = page.getByTestId('data-source');
    await expect.poll(() => source.evaluate((el) => el === document.activeElement)).toBe(true);
    // Half typed, the panel closed by Esc and opened again: the text is still there.
    await page.keyboard.type(data.slice(0, 6));
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('settings').count()).toBe(0);
    await page.keyboard.press('Control+,');
    await expect.poll(() => source.inputValue()).toBe(data.slice(0, 6));
    await source.focus();
    await page.keyboard.press('End');
    await page.keyboard.type(data.slice(6));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('data-source-message').innerText()).toBe(`spectra now come from ${data}; the next sync fetches what is missing`);
    await page.screenshot({ path: join(ROOT, 'test-results/settings-data-source-1280x800.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('settings').count()).toBe(0);

    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: 'Your batches' }).waitFor();
    await page.keyboard.press('s');
    await expect.poll(() => page.getByTestId('sync-state').innerText(), { timeout: 30_000 }).toMatch(/^synced /);
    await page.keyboard.press('Enter');
    await page.locator('[data-painted-obsid]:not([data-painted-obsid=""])').waitFor();
    expect(pageProblems(page).filter((p) => !/Failed to load resource/.test(p))).toEqual([]);
  });
});
