/**
 * A coordinator builds a batch by keys only in a real browser against `specvet serve` on a real
 * MariaDB world (issue 15): the form's live count and shares follow the criteria, a wrong value
 * is one line with the form kept, Enter creates exactly what was counted — split across two
 * reviewers — and Team batches shows it; its due date changes there by keys.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useWorld } from '../support/world';
import { addPerson, adminQuery, buildBundle, type BundleShape, type Person } from '../central/fixtures';
import { shots, useMariaDbForE2e } from './deskSupport';
import { launchChromium, openPage, pageProblems, startServe, type Served } from './support';

useMariaDbForE2e();

const shape: BundleShape = { plans: 3, spectrographs: 2, fibers: 8 };
const w = useWorld(shape);
let browser: Browser;
let alice: Person;
let bob: Person;
const running: Served[] = [];

beforeAll(async () => {
  [alice, bob] = [await addPerson(w.db, 'reviewer', 'alice'), await addPerson(w.db, 'reviewer', 'bob')];
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  for (const s of running) await s.stop();
});

/** What the criteria typed below should take, read from the seeded survey itself. */
function expectedCount(): number {
  const b = buildBundle(shape);
  const night = new Map(b.plan_info.map((p) => [p.planid, p.obsdate]));
  const snr = new Map(b.obj_info.map((o) => [`${o.planid}/${o.spid}/${o.fiberid}`, o.snr_r]));
  return b.spec_info.filter((s) => {
    const d = night.get(s.planid)!;
    const r = snr.get(`${s.planid}/${s.spid}/${s.fiberid}`)!;
    return d >= '2024-01-02' && d <= '2024-01-03' && (s.class === 'GALAXY' || s.class === 'QSO') && r >= 4 && r <= 14;
  }).length;
}

/** Moves the focus by Tab to the field named `label` (keys only, as a person would). */
async function tabTo(page: Page, label: string): Promise<void> {
  for (let i = 0; i < 30; i++) {
    if ((await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))) === label) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`no field ${label} reached by Tab`);
}

async function typeIn(page: Page, label: string, text: string): Promise<void> {
  await tabTo(page, label);
  await page.keyboard.press('Control+a');
  await page.keyboard.type(text);
}

describe('the coordinator builds a batch', () => {
  it('by keys only: the live count is what is created, split across two reviewers, due date changed', async () => {
    const served = await startServe({ env: { SPECVET_CENTRAL: w.coordinator.url } });
    running.push(served);
    const page = await openPage(browser, served.url);
    await page.getByRole('navigation', { name: 'desk screens' }).getByRole('button', { name: /Team batches/ }).waitFor();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.keyboard.press('c');
    await page.getByText('No active batches. Press n to build one.').waitFor();
    await page.keyboard.press('n');
    await page.getByTestId('batch-form').waitFor();
    const count = page.getByTestId('batch-count');
    const problem = page.getByTestId('batch-problem');
    // Nothing typed yet: every spectrum is counted.
    await expect.poll(() => count.textContent()).toBe(String(shape.plans * shape.spectrographs * shape.fibers));

    await page.keyboard.type('jan-extragalactic');
    await typeIn(page, 'assignees', `${alice.user}, nobody`);
    await expect.poll(() => problem.textContent()).toMatch(/^"nobody" is not an active member of the team; choose among/);
    await typeIn(page, 'assignees', `${alice.user}, ${bob.user}`);
    await typeIn(page, 'due date', '2024-02-01');
    await typeIn(page, 'from night', '2024-01-02');
    await typeIn(page, 'to night', '2024-01-03');
    await typeIn(page, 'pipeline class', 'galaxy, qso');
    await typeIn(page, 'S/N min', '20');
    await typeIn(page, 'S/N max', '14');
    await expect.poll(() => problem.textContent()).toBe('S/N min 20 is above S/N max 14');
    // Enter while the form is refused creates nothing and keeps every field.
    await page.keyboard.press('Enter');
    expect(await page.getByLabel('S/N min').inputValue()).toBe('20');
    await typeIn(page, 'S/N min', '4');

    const expected = expectedCount();
    // The last count stays on screen (greyed) under a refusal: wait for the refusal to go.
    await expect.poll(async () => [await problem.count(), await count.textContent()]).toEqual([0, String(expected)]);
    const shares = (await page.getByTestId('batch-shares').textContent())!;
    expect(shares).toBe(` · ${alice.user} ${Math.ceil(expected / 2)} · ${bob.user} ${Math.floor(expected / 2)}`);
    expect(await page.getByTestId('batch-sample').count()).toBe(Math.min(10, expected));
    await shots(page, 'desk-new-batch');
    // The three refusals above are the server's 400 answers (Chromium logs each); nothing else went wrong.
    expect(pageProblems(page)).toEqual(Array(3).fill(expect.stringMatching(/status of 400/)));

    await page.keyboard.press('Enter');
    const rows = page.getByTestId('desk-batch');
    await expect.poll(() => rows.count()).toBe(2);
    const listed = await rows.allInnerTexts();
    expect(listed.map((r) => r.match(/0 \/ (\d+)/)?.[1]).map(Number)).toEqual([Math.ceil(expected / 2), Math.floor(expected / 2)]);
    expect(listed.every((r) => r.includes('jan-extragalactic') && r.includes('2024-02-01'))).toBe(true);
    const stored = await adminQuery<{ assignee: string; n: number }>(
      w.db,
      "SELECT b.assignee, COUNT(*) AS n FROM check_batch b JOIN spec_check c ON c.batch_id = b.id WHERE b.name = ? AND b.state = 'active' GROUP BY b.assignee ORDER BY b.assignee",
      ['jan-extragalactic'],
    );
    expect(stored.map((r) => [r.assignee, Number(r.n)])).toEqual([[alice.user, Math.ceil(expected / 2)], [bob.user, Math.floor(expected / 2)]]);

    await page.keyboard.press('d');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('2024-02-30');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('desk-failure').textContent()).toMatch(/^due date must be a date YYYY-MM-DD, got "2024-02-30"/);
    await page.keyboard.press('Control+a');
    await page.keyboard.type('2024-02-15');
    await page.keyboard.press('Enter');
    await expect.poll(() => rows.first().innerText()).toMatch(/2024-02-15/);
    expect(await rows.nth(1).innerText()).toMatch(/2024-02-01/);
    expect(pageProblems(page)).toHaveLength(4);
  });
});
