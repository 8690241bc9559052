/**
 * The batch list by keyboard: ↑/↓ and j/k move a visible cursor, Enter opens the batch at its
 * bookmark, Esc comes back with the cursor on it, s syncs (on the demo: says there is no server),
 * and each row shows done / total with a bar (verdicts made in that batch) and when it was last
 * opened. Screenshots test-results/batch-list-*.png.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { BatchSummary } from '../../shared/model';
import { apiCall, pageProblems, ROOT, webEditionForSuite } from './support';

const cursorRow = (page: Page) => page.locator('[data-testid="batch-row"][aria-current="true"]');
const cursorName = async (page: Page) => (await cursorRow(page).locator('td').first().innerText()).trim();

describe('web edition, the batch list by keyboard', () => {
  const web = webEditionForSuite();

  for (const size of [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ]) {
    it(`${size.width}×${size.height}: cursor, open at the bookmark, done count, last opened, s`, async () => {
      const batches = await apiCall<BatchSummary[]>(web.served.url, 'listBatches');
      const page = await web.browser.newPage({ viewport: size });
      const problems = pageProblems(page);
      await page.goto(web.served.url);
      await page.getByTestId('batch-row').first().waitFor();
      expect(await cursorName(page)).toBe(batches[0]!.name);
      await page.keyboard.press('j');
      expect(await cursorName(page)).toBe(batches[1]!.name);
      await page.keyboard.press('k');
      await page.keyboard.press('k');
      expect(await cursorName(page)).toBe(batches[0]!.name);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      expect(await cursorName(page)).toBe(batches[batches.length - 1]!.name);
      await page.keyboard.press('ArrowUp');
      expect(await cursorName(page)).toBe(batches[batches.length - 2]!.name);

      // To the single batch, open it, judge one (u 2: UNKNOWN is never questioned), Esc back.
      const single = batches.findIndex((b) => b.mode === 'single');
      const start = batches[single]!;
      while ((await cursorName(page)) !== start.name) await page.keyboard.press('k');
      await page.keyboard.press('Enter');
      await page.getByTestId('review').waitFor();
      const from = start.bookmark ?? 0;
      await expect.poll(() => page.getByTestId('review-header').innerText()).toContain(`${from + 1} / ${start.itemCount}`);
      await page.keyboard.press('u');
      await page.keyboard.press('2');
      await expect.poll(() => page.getByTestId('review-header').innerText()).toContain(`${from + 2} / ${start.itemCount}`);
      await page.keyboard.press('Escape');
      await page.getByTestId('batch-row').first().waitFor();
      expect(await cursorName(page)).toBe(start.name);
      const row = cursorRow(page);
      await expect.poll(() => row.getByTestId('batch-done').innerText().then((t) => t.trim())).toBe(`${start.reviewedCount + 1} / ${start.itemCount}`);
      expect(Number(await row.locator('progress').getAttribute('value'))).toBe(start.reviewedCount + 1);
      await expect.poll(() => row.getByTestId('batch-last-opened').innerText()).toMatch(/^20[0-9]{2}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}$/);
      await page.screenshot({ path: join(ROOT, `test-results/batch-list-${size.width}x${size.height}.png`) });
      if (size.width === 1280) await page.screenshot({ path: join(ROOT, 'docs/batch-list.png') });

      // Enter again resumes at the bookmark: the spectrum after the one judged.
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('review-header').innerText()).toContain(`${from + 2} / ${start.itemCount}`);
      await page.keyboard.press('Control+z');
      await expect.poll(() => page.getByTestId('review-header').innerText()).toContain(`${from + 1} / ${start.itemCount}`);
      await page.keyboard.press('Escape');
      await page.getByTestId('batch-row').first().waitFor();

      // s syncs: on the demo there is no server, and it says so.
      await page.keyboard.press('s');
      await expect.poll(() => page.getByTestId('notice').innerText()).toMatch(/server/);
      // ? lists the batch list's keys first.
      await page.keyboard.press('?');
      expect(await page.getByTestId('key-help-page').innerText()).toMatch(/^BATCH LIST\s+↓\s+j\s+batch list: cursor down/i);
      await page.keyboard.press('Escape');
      expect(problems).toEqual([]);
      await page.close();
    });
  }
});
