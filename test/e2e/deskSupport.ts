/**
 * What the desk's browser tests share (desk, trace, newBatch): a Chromium,
 * `specvet serve` signed in as a person, and screenshots at both checked sizes.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, openPage, ROOT, startServe, type Served } from './support';

/**
 * A Chromium for the file; `appAs(p)`: `specvet serve` signed in as `p` (SPECVET_CENTRAL with the
 * password; null: the demo), and a page on it; `env`: more of serve's environment (SPECVET_DATA).
 */
export function useDeskBrowser(): { appAs(p: { url: string } | null, env?: Record<string, string>): Promise<Page> } {
  let browser: Browser | undefined;
  const running: Served[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    for (const s of running) await s.stop();
  });
  return {
    appAs: async (p, env = {}) => {
      const served = await startServe({ env: { ...(p && { SPECVET_CENTRAL: p.url }), ...env } });
      running.push(served);
      return openPage(browser!, served.url);
    },
  };
}

/** Screenshots at 1280×800 and 1920×1080 to test-results/, the 1280 one also to docs/ for README. */
export async function shots(page: Page, name: string): Promise<void> {
  for (const size of [{ width: 1280, height: 800 }, { width: 1920, height: 1080 }]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: join(ROOT, `test-results/${name}-${size.width}x${size.height}.png`) });
    if (size.width === 1280) await page.screenshot({ path: join(ROOT, `docs/${name}.png`) });
  }
}

/**
 * At 1280×800, what of the top bar and the desk's links a user would find cut short: each part
 * whose text is wider than its box (an ellipsis), or that ends past the window's right edge.
 */
export async function cutShortAt1280(page: Page): Promise<string[]> {
  await page.setViewportSize({ width: 1280, height: 800 });
  return page.evaluate(() => {
    const parts = [
      ...document.querySelectorAll<HTMLElement>('.top-bar .user, .top-bar .origin, [data-testid="sync-state"], [data-testid="outbox"], .top-bar button, .desk-links button'),
    ];
    return parts.filter((el) => el.scrollWidth > el.clientWidth || el.getBoundingClientRect().right > window.innerWidth).map((el) => el.textContent ?? '');
  });
}
