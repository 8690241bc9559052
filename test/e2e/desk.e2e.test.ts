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

mariaDbForFile();

const w = useWorld({ plans: 1, spectrographs: 1, fibers: 4 });
let alice: Person;
let obsid: number;
const { appAs } = useDeskBrowser();

beforeAll(async () => {
  ({ alice, obsid } = await disagreeAndReport(w, new Date()));
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
    await shots(page, 'desk-progress');
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
    // The role comes from the same server answer as the sync; give it the same time.
    await page.waitForTimeout(1000);
    expect(await page.getByRole('navigation', { name: 'desk screens' }).getByRole('button').allInnerTexts()).toEqual(['My batches', 'Trace']);
    await page.keyboard.press('r');
    await page.keyboard.press('t');
    expect(await page.locator('[data-testid^="desk-"]').count()).toBe(0);
  });
});
