/**
 * What the desk's e2e files share: a MariaDB of their own (the e2e run has no global one; or
 * MYSQL_URL), started before their world, and the screenshots at 1280×800 and 1920×1080 (the
 * 1280 one also to docs/ for README).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { useOrStartMariaDb, type RunningServer } from '../support/mariadb';
import { ROOT } from './support';

/** Call before useWorld: its beforeAll must run first. */
export function useE2eMariaDb(): void {
  let mariadb: RunningServer | undefined;
  beforeAll(async () => {
    mariadb = await useOrStartMariaDb();
    process.env.MYSQL_URL = mariadb.url;
  }, 120_000);
  afterAll(async () => mariadb?.stop());
}

export async function deskShots(page: Page, name: string): Promise<void> {
  for (const size of [{ width: 1280, height: 800 }, { width: 1920, height: 1080 }]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: join(ROOT, `test-results/${name}-${size.width}x${size.height}.png`) });
    if (size.width === 1280) await page.screenshot({ path: join(ROOT, `docs/${name}.png`) });
  }
}
