/**
 * The review screen in a small window (800×600), a laptop's (1280×800) and a large one (1920×1080): the top bar stays
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
  { width: 1280, height: 800 },
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

      // The footer's key hint is one line: pairs that do not fit are left out whole, the way
      // back and `?` are always in view, and at 1920 every pair is there.
      const footer = await box(page, '[data-testid="key-hint"]');
      const pairs = await page.getByTestId('key-hint').locator('.key-pair').evaluateAll((els) =>
        els.map((e) => ({ text: e.textContent?.replace(/^ · /, ''), rect: e.getBoundingClientRect().toJSON() as DOMRect })),
      );
      const shown = pairs.filter((p) => p.rect.top < footer.y + footer.height);
      expect(footer.height).toBeLessThan(2 * 18);
      expect(shown.map((p) => p.text)).toEqual(expect.arrayContaining(['Esc batches', '? all keys']));
      for (const p of shown) expect(p.rect.right, p.text ?? '').toBeLessThanOrEqual(Math.min(size.width, footer.x + footer.width) + 0.5);
      for (const p of shown) expect(p.rect.bottom).toBeLessThanOrEqual(size.height);
      if (size.width >= 1920) expect(shown).toHaveLength(pairs.length);

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
