/**
 * Keys and dialogs as a new user meets them: ? and Esc on the batch list, Enter pressing the
 * focused button instead of accepting a spectrum, the sign-in dialog holding the keyboard
 * (no review behind it, Tab stays inside, Esc closes it), the form saying why Sign in is
 * greyed, and the demo's Sync explanation shown as information.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppStatus, BatchSummary, Item } from '../../shared/model';
import { apiCall, demoBatch, openPage, pageProblems, webEditionForSuite } from './support';

describe('web edition, keys and dialogs', () => {
  const web = webEditionForSuite();
  let page: Page;
  let single: BatchSummary;
  let items: Item[];

  const list = () => page.getByRole('heading', { name: 'Your batches' });
  const obsid = () => page.getByTestId('obsid').innerText();
  const signInForm = () => page.getByRole('form', { name: 'sign in' });
  const openSingle = async () => {
    await list().waitFor();
    await page.getByRole('button', { name: single.name, exact: true }).click();
    await expect.poll(obsid).toBe(`obsid ${items[0]!.obsid}`);
  };

  beforeAll(async () => {
    single = await demoBatch(web.served, 'single');
    items = await apiCall<Item[]>(web.served.url, 'listItems', { batchId: single.id });
    page = await openPage(web.browser, web.served.url);
  });

  it('? on the batch list shows its keys in the order they are learnt, Tab the other screens\'; Esc closes them', async () => {
    await list().waitFor();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'review keys' });
    await help.waitFor();
    expect(await help.getByRole('tab', { selected: true }).innerText()).toBe('Here: Batch list');
    const rows = await help.locator('li').allInnerTexts();
    // The batch list's own keys by purpose (with /, ?, Ctrl+, and Esc anywhere); no review key here.
    expect(rows.map((r) => r.split(/\s/)[0])).toEqual(['↓', '↑', 'Enter', 's', '/', '?', 'Ctrl+,', 'Esc']);
    // Tab: what opening a batch gives, in the order it is learnt.
    await page.keyboard.press('Tab');
    expect(await help.getByRole('tab', { selected: true }).innerText()).toBe('Other screens');
    const single = await help.getByTestId('key-help-review').locator('li').allInnerTexts();
    const at = (text: string) => single.findIndex((r) => r.includes(text));
    expect(at('next spectrum')).toBe(0);
    expect(at('previous spectrum')).toBe(1);
    expect(at('accept the pipeline')).toBe(2);
    // A family of actions on one row, in learning order: the classes, the qualities, then z.
    expect(at('class STAR / GALAXY / QSO / UNKNOWN')).toBe(3);
    expect(at('quality (4 certain')).toBe(4);
    expect(at('z −/+ 0.0001')).toBeGreaterThan(at('quality (4 certain'));
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    await list().waitFor();
  });

  it('Enter on a focused button presses it rather than accepting; Esc leaves the batch', async () => {
    await openSingle();
    await page.getByRole('button', { name: /Batches/ }).focus();
    await page.keyboard.press('Enter');
    await list().waitFor();
    expect((await apiCall<AppStatus>(web.served.url, 'status')).outboxPending).toBe(0);
    await openSingle();
    await page.keyboard.press('Escape');
    await list().waitFor();
  });

  it('the sign-in dialog holds the keyboard: no review keys behind it, Tab stays in it, Esc closes it', async () => {
    await openSingle();
    await page.getByRole('button', { name: 'Sign in…' }).click();
    const form = signInForm();
    await form.waitFor();
    const server = form.getByLabel('server');
    await expect.poll(() => server.evaluate((el) => el === document.activeElement)).toBe(true);
    await form.getByRole('button', { name: 'Cancel' }).focus();
    await page.keyboard.press('n');
    await page.keyboard.press('q');
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('.app-frame') ?? null)).toBeNull();
    }
    await form.getByRole('button', { name: 'Cancel' }).focus();
    await page.keyboard.press('Enter');
    await form.waitFor({ state: 'detached' });
    expect(await obsid()).toBe(`obsid ${items[0]!.obsid}`);
    expect(await page.getByTestId('draft').innerText()).toMatch(new RegExp(`^yours: ${items[0]!.pipeline.class} `));

    await page.getByRole('button', { name: 'Sign in…' }).click();
    await form.waitFor();
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
    await page.getByTestId('review').waitFor();
    expect(await obsid()).toBe(`obsid ${items[0]!.obsid}`);
  });

  it('the sign-in form says why Sign in is greyed and drops an old error once a field is edited', async () => {
    await page.getByRole('button', { name: 'Sign in…' }).click();
    const form = signInForm();
    const help = form.getByTestId('server-help');
    const signIn = form.getByRole('button', { name: 'Sign in' });
    expect(await signIn.isDisabled()).toBe(true);
    expect(await help.innerText()).toBe('a server address looks like mysql://user@host:3306/database');
    await form.getByLabel('server').fill('mysql://alice@127.0.0.1:1');
    await expect.poll(() => help.innerText()).toMatch(/the database is missing$/);
    expect(await signIn.isDisabled()).toBe(true);
    await form.getByLabel('server').fill('mysql://alice@127.0.0.1:1/specvet');
    await expect.poll(() => signIn.isEnabled()).toBe(true);
    await signIn.click();
    const error = form.getByRole('alert');
    await error.waitFor();
    await form.getByLabel('password', { exact: true }).fill('x');
    await error.waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
  });

  it('Sync on the demo explains itself as information, not as an error', async () => {
    await page.getByRole('button', { name: 'Sync' }).click();
    const notice = page.getByTestId('notice');
    await expect.poll(() => notice.innerText()).toMatch(/no central server to sync with/);
    expect(await notice.getAttribute('role')).toBe('status');
    expect(await notice.getAttribute('class')).toMatch(/\binfo\b/);
    // The browser logs the refused sign-in's HTTP status; anything else would be a fault.
    expect(pageProblems(page).filter((p) => !/^Failed to load resource: .* 503 /.test(p))).toEqual([]);
  });
});
