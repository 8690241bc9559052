/**
 * The web edition's secret as a person meets it (issue 16, finding 10): the printed URL
 * carries it after #; the page takes it out of the address bar, keeps working after a reload,
 * and a page opened without it says which URL to open. With --token-file the printed URL
 * carries the file's secret.
 */
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openPage, pageProblems, secretOf, startServe, webEditionForSuite } from './support';

describe('web edition, the secret in the browser', () => {
  const web = webEditionForSuite();
  let page: Page;

  beforeAll(async () => {
    page = await openPage(web.browser, web.served.url);
  });

  it('prints the URL with the secret in the fragment only', () => {
    const url = new URL(web.served.url);
    expect(url.search).toBe('');
    expect(url.hash).toMatch(/^#token=[A-Za-z0-9_-]{43}$/);
  });

  it('loads the batches, then the address bar no longer shows the secret', async () => {
    await expect.poll(() => page.getByTestId('batch-row').count()).toBe(3);
    expect(page.url()).not.toContain('token');
    expect(page.url()).not.toContain(secretOf(web.served.url));
    expect(await page.evaluate(() => Object.values(sessionStorage))).toEqual([secretOf(web.served.url)]);
  });

  it('keeps working after a reload of the same tab', async () => {
    await page.reload();
    await expect.poll(() => page.getByTestId('batch-row').count()).toBe(3);
    expect(pageProblems(page)).toEqual([]);
  });

  it('without the secret (another tab, the bare address) shows which URL to open', async () => {
    const bare = await web.browser.newPage();
    await bare.goto(web.served.url.replace(/#.*$/, ''));
    const notice = bare.getByTestId('notice');
    await notice.waitFor();
    expect(await notice.innerText()).toMatch(/open the URL .* that specvet serve printed/);
    expect(await bare.getByTestId('batch-row').count()).toBe(0);
    await bare.close();
  });
});

describe('web edition, --token-file', () => {
  it('prints a URL with the secret read from the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'specvet-e2e-secret-'));
    const file = join(dir, 'token');
    const secret = 'e2e'.repeat(11);
    writeFileSync(file, `${secret}\n`);
    chmodSync(file, 0o600);
    const served = await startServe({ args: ['--token-file', file] });
    try {
      expect(served.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/#token=${secret}$`));
      const res = await fetch(new URL('api/status', served.url), { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${secret}` }, body: '{}' });
      expect(res.status).toBe(200);
    } finally {
      await served.stop();
    }
  });
});
