/**
 * The review screen in a small window (800×600) and a large one (1920×1080): the top bar stays
 * one line with the outbox counter whole, the reviewer's draft and saved verdict share a line,
 * and the key help fits with its closing hint in view. Screenshots go to test-results/.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BatchSummary } from '../../shared/model';
import { demoBatch, ROOT, webEditionForSuite } from './support';

const SIZES = [
  { width: 800, height: 600 },
  { width: 1920, height: 1080 },
] as const;

describe('web edition, window sizes', () => {
  const web = webEditionForSuite();
  let single: BatchSummary;

  beforeAll(async () => {
    single = await demoBatch(web.served, 'single');
  });

  const box = async (page: Page, selector: string) => (await page.locator(selector).first().boundingBox())!;

  for (const size of SIZES) {
    it(`${size.width}×${size.height}: one-line top bar, draft and verdict together, the key help fits`, async () => {
      const page = await web.browser.newPage({ viewport: size });
      await page.goto(web.served.url);
      await page.getByRole('button', { name: single.name, exact: true }).click();
      await page.locator('[data-painted-obsid]:not([data-painted-obsid=""])').waitFor();

      const bar = await box(page, '.top-bar');
      // One line is as tall as its buttons plus padding; a second line would add another button's height.
      const button = await box(page, '.top-bar button:has-text("Sync")');
      expect(bar.height).toBeLessThan(button.height * 1.8);
      expect(await page.locator('.top-bar').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      const outbox = await box(page, '[data-testid="outbox"]');
      expect(outbox.x + outbox.width).toBeLessThanOrEqual((await box(page, '.top-bar button:has-text("Sign in")')).x);

      // The footer's key hint wraps, if at all, between "key action" pairs, and stays in the window.
      const pairs = await page.getByTestId('key-hint').locator(':scope > span').evaluateAll((els) =>
        els.map((e) => ({ text: e.textContent, height: e.getBoundingClientRect().height, line: parseFloat(getComputedStyle(e).lineHeight) || 16, bottom: e.getBoundingClientRect().bottom, right: e.getBoundingClientRect().right })),
      );
      expect(pairs.map((p) => p.text)).toContain('Ctrl+Z undo');
      for (const p of pairs) expect(p.height, p.text ?? '').toBeLessThan(1.5 * p.line);
      for (const p of pairs) expect(p.bottom).toBeLessThanOrEqual(size.height);
      for (const p of pairs) expect(p.right, p.text ?? '').toBeLessThanOrEqual(size.width);

      const draft = await box(page, '[data-testid="draft"]');
      const verdict = await box(page, '[data-testid="verdict"]');
      expect(Math.abs(verdict.y - draft.y)).toBeLessThan(4);
      await page.screenshot({ path: join(ROOT, `test-results/review-${size.width}x${size.height}.png`) });

      await page.keyboard.press('?');
      const hint = page.getByText('Press ? again');
      await hint.waitFor();
      const help = await box(page, '.key-help');
      const hintBox = (await hint.boundingBox())!;
      expect(help.y + help.height).toBeLessThanOrEqual(size.height);
      expect(hintBox.y + hintBox.height).toBeLessThanOrEqual(help.y + help.height);
      expect(help.x).toBeGreaterThanOrEqual(0);
      await page.screenshot({ path: join(ROOT, `test-results/key-help-${size.width}x${size.height}.png`) });
      await page.close();
    });
  }
});
