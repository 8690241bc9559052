/**
 * The trace screen in a real browser against `specvet serve` on a real MariaDB world (issue 15):
 * two reviewers' verdicts made a day apart and a problem report on the spectrum's fibre, all
 * arrived through the real sync. Traced by keys only: now it shows both verdicts and the
 * report; at a moment between the verdicts, only the first. A reviewer traces the spectrum on
 * screen from single mode and Esc brings them back to it. The coordinator's export from the web
 * edition downloads a CSV whose row is those verdicts.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWorld } from '../support/world';
import type { Person } from '../central/fixtures';
import { disagreeAndReport } from '../support/deskWorld';
import { parseCsv } from '../support/csv';
import { shots, useDeskBrowser } from './deskSupport';
import { mariaDbForFile, pageProblems } from './support';

mariaDbForFile();

const w = useWorld({ plans: 1, spectrographs: 1, fibers: 4 });
const DAY = 86_400_000;
const aliceAt = new Date(Date.now() - 2 * DAY);
const bobAt = new Date(Date.now() - DAY);
let alice: Person;
let obsid: number;
const { appAs } = useDeskBrowser();

beforeAll(async () => {
  // The report covers fibre 1, the fibre of the spectrum both reviewers judged.
  ({ alice, obsid } = await disagreeAndReport(w, aliceAt, { bobAt, fibres: [1, 2] }));
}, 180_000);

describe('tracing', () => {
  it('shows both verdicts and the report now, only the first verdict at a moment between them', async () => {
    const page = await appAs(w.coordinator);
    await page.getByRole('navigation', { name: 'desk screens' }).getByRole('button', { name: 'Trace' }).waitFor();
    await page.keyboard.press('/');
    await page.getByTestId('desk-screen-trace').waitFor();
    await page.keyboard.type(String(obsid));
    await page.keyboard.press('Enter');
    const verdicts = page.getByTestId('trace-verdict');
    await expect.poll(() => verdicts.count()).toBe(2);
    expect(await verdicts.nth(0).innerText()).toMatch(new RegExp(`${alice.user}[\\s\\S]*STAR`));
    expect(await verdicts.nth(1).innerText()).toMatch(/GALAXY[\s\S]*broad Hα\?/);
    expect(await page.getByTestId('trace-problem').innerText()).toMatch(new RegExp(`${alice.user}[\\s\\S]*1–2[\\s\\S]*dead fibres[\\s\\S]*open`));
    expect(await page.getByTestId('trace-state').innerText()).toMatch(/problem reported/);
    expect(await page.getByTestId('trace-story').innerText()).toMatch(/PLAN000 sp1-1[\s\S]*plan[\s\S]*seeing[\s\S]*1D/);
    // The coordinator's cache holds no copy of the spectrum: the fit says there is none, and why.
    await expect.poll(() => page.getByTestId('trace-fit').innerText()).toMatch(/^none — /);
    await shots(page, 'desk-trace');

    await page.keyboard.press('Tab');
    await page.keyboard.type(new Date(aliceAt.getTime() + 3_600_000).toISOString());
    await page.keyboard.press('Enter');
    await expect.poll(() => verdicts.count()).toBe(1);
    expect(await verdicts.innerText()).toContain(alice.user);
    expect(await page.getByTestId('trace-story').innerText()).toMatch(/as it stood at/);

    // Something that names no spectrum: what was searched, and what to try.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('999999');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('desk-failure').innerText()).toMatch(/no spectrum with obsid 999999 .*search by its designation/);
    expect(await page.getByLabel('spectrum to trace').inputValue()).toBe('999999');
    // The browser logs the two refusals the screen explained (no local copy to fit: 404; no such spectrum: 400); nothing else.
    expect(pageProblems(page).filter((p) => !/status of (404 \(Not Found\)|400 \(Bad Request\))$/.test(p))).toEqual([]);
  });

  it('says in one line that the demo has no server to trace on, the text kept', async () => {
    const page = await appAs(null);
    await expect.poll(() => page.getByTestId('batch-row').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await page.keyboard.press('/');
    await page.getByTestId('desk-screen-trace').waitFor();
    await page.keyboard.type('100001');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('desk-failure').innerText()).toMatch(/^offline — .*tracing need the central server; this is the demo, sign in to one$/);
    expect(await page.getByLabel('spectrum to trace').inputValue()).toBe('100001');
  });

  it('traces the spectrum on screen from single mode, and Esc comes back to it', async () => {
    const page = await appAs(alice);
    await expect.poll(() => page.getByTestId('batch-row').count(), { timeout: 30_000 }).toBe(1);
    await page.keyboard.press('Enter');
    await page.getByTestId('review-header').waitFor();
    const header = await page.getByTestId('review-header').innerText();
    await page.keyboard.press('/');
    await page.getByTestId('trace-story').waitFor();
    // The batch opened at its first spectrum without a verdict: that one is traced.
    const traced = await page.getByLabel('spectrum to trace').inputValue();
    expect(header).toContain(traced);
    expect(await page.getByTestId('trace-story').innerText()).toMatch(new RegExp(`^${traced} · LAMOST J`));
    await page.keyboard.press('Escape');
    await page.getByTestId('review-header').waitFor();
    expect(await page.getByTestId('review-header').innerText()).toBe(header);
  });
});

describe('the export', () => {
  it('downloads the catalogue as CSV from the web edition, its row made of the verdicts pushed', async () => {
    const page = await appAs(w.coordinator);
    await page.getByRole('navigation', { name: 'desk screens' }).getByRole('button', { name: 'Export' }).waitFor();
    await page.keyboard.press('e');
    await page.getByTestId('desk-screen-export').waitFor();
    // By nights there are no rows: the hint offers no cursor keys.
    expect(await page.getByTestId('desk-keys').innerText()).not.toMatch(/next row|previous row/);
    // A night that is no date: one line, nothing sent.
    await page.keyboard.press('d');
    await page.keyboard.type('2024-13');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('desk-failure').innerText()).toMatch(/"from" must be a date YYYY-MM-DD .*got "2024-13"/);
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('export-format').innerText()).toBe('CSV');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe('specvet-catalogue-all.csv');
    const [columns, ...rows] = parseCsv(readFileSync((await download.path())!, 'utf8'));
    expect(rows).toHaveLength(1);
    const row = Object.fromEntries(rows[0]!.map((v, i) => [columns![i], v]));
    // Two current verdicts that disagree: the newest (GALAXY) is the answer, marked unresolved; both reviewers, oldest first.
    expect(row).toMatchObject({ obsid: String(obsid), class: 'GALAXY', class_pipe: 'STAR', quality: '3', source: 'unresolved' });
    expect(row.reviewers).toMatch(new RegExp(`^${alice.user},reviewer_\\w+$`));
    await expect.poll(() => page.getByTestId('export-done').innerText()).toBe('wrote 1 spectrum to specvet-catalogue-all.csv');
    await shots(page, 'desk-export');
    expect(pageProblems(page)).toEqual([]);
  });
});

