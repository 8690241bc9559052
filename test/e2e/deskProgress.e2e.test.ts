/**
 * The coordinator's progress screen and the due date a reviewer sees, in a real browser against
 * `specvet serve` on a real MariaDB world (issues 15 and 13): verdicts per day as a plot, per
 * reviewer, plan and night by keys; a past due date marked overdue on the reviewer's list. Its
 * own world: the night is moved to yesterday so the default period (the last 30 days) holds it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useWorld } from '../support/world';
import type { Person } from '../central/fixtures';
import { disagreeAndReport } from '../support/deskWorld';
import { cacheOf, loginOf, syncOnce } from '../sync/world';
import { setDueDate } from '../../src-main/central/batches';
import { createPool } from '../../src-main/central/connection';
import { shots, useDeskBrowser } from './deskSupport';
import { mariaDbForFile, pageProblems } from './support';

mariaDbForFile();

const w = useWorld({ plans: 1, spectrographs: 1, fibers: 4 });
let alice: Person;
let bob: Person;
const { appAs } = useDeskBrowser();

/** A past due date on alice's batch, which she has not finished: overdue on her list. */
const PAST_DUE = '2024-01-15';

beforeAll(async () => {
  ({ alice, bob } = await disagreeAndReport(w, new Date()));
  // bob's second spectrum three days ago (the pipeline's answer: nothing to recheck), for a plot
  // with some shape; then a due date on alice's batch, which she has not finished.
  const cache = cacheOf(w, bob);
  const [b] = cache.listBatches();
  const second = cache.listItems(b!.id)[1]!;
  cache.addVerdict({ obsid: second.obsid, batchId: b!.id, class: second.pipeline.class, subclass: '', z: second.pipeline.z, quality: 3, flags: [], comment: '' }, new Date(Date.now() - 3 * 86_400_000));
  expect((await syncOnce(w, cache, bob)).failure ?? null).toBeNull();
  const pool = createPool(loginOf(w, w.coordinator), 1);
  const [aliceBatch] = cacheOf(w, alice).listBatches();
  await setDueDate(pool, [aliceBatch!.id], PAST_DUE).finally(() => pool.end());
  await w.admin.query('UPDATE plan_info SET obsdate = UTC_DATE() - INTERVAL 1 DAY');
}, 180_000);

describe('the coordinator', () => {
  it('reads progress as a plot per day, and per plan and night, by keys', async () => {
    const page = await appAs(w.coordinator);
    await page.getByRole('navigation', { name: 'desk screens' }).getByRole('button', { name: /Progress/ }).waitFor();
    await page.keyboard.press('p');
    await expect.poll(() => page.getByTestId('desk-progress').count()).toBe(2);
    // The plot: the total and the busiest reviewers (bob made two verdicts, alice one), then o: one line each.
    const plot = page.getByTestId('desk-progress-plot');
    await expect.poll(() => plot.getAttribute('data-lines')).toBe(`total|${bob.user}|${alice.user}`);
    expect(await plot.locator('canvas').count()).toBe(1);
    expect(await page.getByTestId('desk-progress-summary').innerText()).toMatch(/^3 verdicts in the period by 2 reviewers · 1 open batch$/);
    await shots(page, 'desk-progress');
    await page.keyboard.press('o');
    await expect.poll(() => plot.getAttribute('data-lines')).toBe(`${bob.user}|${alice.user}`);
    // 3: per plan, 4: per night — the one plan of four spectra, one checked by both, corrected by neither's latest answer alone.
    await page.keyboard.press('3');
    await expect.poll(() => page.getByTestId('desk-progress-view').innerText()).toBe('per plan');
    const share = page.getByTestId('desk-share');
    await expect.poll(() => share.count()).toBe(1);
    expect(await share.innerText()).toMatch(/PLAN000\s+4\s+50\.0 %/);
    await page.keyboard.press('4');
    await expect.poll(() => page.getByTestId('desk-progress-view').innerText()).toBe('per night');
    await expect.poll(() => share.innerText()).toMatch(/\t1\t4\t/);
    await shots(page, 'desk-progress-nights');
    await page.keyboard.press('v');
    await expect.poll(() => page.getByTestId('desk-progress-view').innerText()).toBe('per reviewer');
    expect(pageProblems(page)).toEqual([]);
  });
});

describe('a reviewer', () => {
  it('sees the due date the coordinator set, past and not done: marked overdue', async () => {
    const page = await appAs(alice);
    await expect.poll(() => page.getByTestId('batch-row').count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByTestId('batch-due').innerText()).toBe(`${PAST_DUE} overdue`);
    await shots(page, 'batch-list-due');
    expect(pageProblems(page)).toEqual([]);
  });
});
