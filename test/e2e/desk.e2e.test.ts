/**
 * The coordinator's and the 2D team's screens in a real browser against `specvet serve` on a
 * real MariaDB world (issue 15): a coordinator resolves a disagreement by keys, a 2D user
 * acknowledges a reviewer's report by keys, and a reviewer is offered neither (only the trace,
 * as everyone is). Screenshots of each screen at 1280×800 and 1920×1080 go to test-results/ (one of each to docs/ for README).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useWorld } from '../support/world';
import { addPerson, type Person } from '../central/fixtures';
import { disagreeAndReport } from '../support/deskWorld';
import { shots, useDeskBrowser } from './deskSupport';
import { mariaDbForFile, pageProblems } from './support';
import { cacheOf, loginOf, syncOnce } from '../sync/world';
import { setDueDate } from '../../src-main/central/batches';
import { createPool } from '../../src-main/central/connection';

mariaDbForFile();

const w = useWorld({ plans: 1, spectrographs: 1, fibers: 4 });
let alice: Person;
let bob: Person;
let obsid: number;
const { appAs } = useDeskBrowser();

/** A past due date on alice's batch, which she has not finished: overdue on her list. */
const PAST_DUE = '2024-01-15';

beforeAll(async () => {
  ({ alice, bob, obsid } = await disagreeAndReport(w, new Date()));
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
  // The world's one night observed yesterday, so that the default period (the last 30 days) holds it.
  await w.admin.query('UPDATE plan_info SET obsdate = UTC_DATE() - INTERVAL 1 DAY');
}, 180_000);

describe('the coordinator', () => {
  it('sees the disagreement and resolves it by keys; the list empties', async () => {
    const page = await appAs(w.coordinator);
    await page.getByRole('navigation', { name: 'desk screens' }).getByRole('button', { name: /Recheck/ }).waitFor();
    await page.keyboard.press('r');
    const row = page.getByTestId('desk-recheck');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.innerText()).toContain(String(obsid));
    await shots(page, 'desk-recheck');
    await page.keyboard.press('Enter');
    const kase = page.getByTestId('desk-case');
    await kase.waitFor();
    expect(await kase.innerText()).toMatch(/STAR[\s\S]*GALAXY/);
    await page.keyboard.press('g');
    await page.keyboard.press('4');
    expect(await page.getByTestId('desk-draft').innerText()).toMatch(/final answer: GALAXY · quality 4/);
    await shots(page, 'desk-recheck-case');
    await page.keyboard.press('Enter');
    await page.getByTestId('desk-empty').waitFor();
    expect(await page.getByTestId('desk-empty').innerText()).toMatch(/Nothing to recheck/);

    await page.keyboard.press('Escape');
    await page.keyboard.press('c');
    await expect.poll(() => page.getByTestId('desk-batch').count()).toBe(2);
    expect(await page.getByTestId('desk-batch').first().innerText()).toMatch(/jan-a[\s\S]*1 \/ 2/);
    await shots(page, 'desk-batches');
    await page.keyboard.press('Escape');
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

describe('the 2D team', () => {
  it('acknowledges a reviewer\'s report with a note by keys', async () => {
    const page = await appAs(await addPerson(w.db, '2d'));
    await page.getByRole('navigation', { name: 'desk screens' }).getByRole('button', { name: /2D problems/ }).waitFor();
    expect(await page.getByRole('navigation', { name: 'desk screens' }).getByRole('button', { name: /Recheck/ }).count()).toBe(0);
    await page.keyboard.press('t');
    const row = page.getByTestId('desk-problem');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.innerText()).toMatch(new RegExp(`2–3[\\s\\S]*dead fibres[\\s\\S]*${alice.user}[\\s\\S]*open`));
    await page.keyboard.press('a');
    await page.keyboard.type('flat field re-taken tonight');
    await shots(page, 'desk-problems');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('desk-problem-state-cell').first().innerText()).toBe('acknowledged');
    expect(await row.innerText()).toContain('flat field re-taken tonight');
    expect(pageProblems(page)).toEqual([]);
  });
});

describe('a reviewer', () => {
  it('is offered only the trace, and their keys stay the batch list\'s', async () => {
    const page = await appAs(alice);
    await expect.poll(() => page.getByTestId('batch-row').count(), { timeout: 30_000 }).toBe(1);
    // The due date the coordinator set, past and the batch not done: marked overdue.
    expect(await page.getByTestId('batch-due').innerText()).toBe(`${PAST_DUE} overdue`);
    await shots(page, 'batch-list-due');
    // The role comes from the same server answer as the sync; give it the same time.
    await page.waitForTimeout(1000);
    expect(await page.getByRole('navigation', { name: 'desk screens' }).getByRole('button').allInnerTexts()).toEqual(['My batches', 'Trace']);
    await page.keyboard.press('r');
    await page.keyboard.press('t');
    expect(await page.locator('[data-testid^="desk-"]').count()).toBe(0);
  });
});
