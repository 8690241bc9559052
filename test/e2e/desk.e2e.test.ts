/**
 * The coordinator's and the 2D team's screens in a real browser against `specvet serve` on a
 * real MariaDB world (issue 15): a coordinator resolves a disagreement by keys, a 2D user
 * acknowledges a reviewer's report by keys, and a reviewer is offered neither (only the trace,
 * as everyone is). Screenshots of each screen at 1280×800 and 1920×1080 go to test-results/ (one of each to docs/ for README).
 */
import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useWorld } from '../support/world';
import { addPerson, type Person } from '../central/fixtures';
import { dataSourceFor, disagreeAndReport, nearAgreement, reportAs } from '../support/deskWorld';
import { cutShortAt1280, shots, useDeskBrowser } from './deskSupport';
import { mariaDbForFile, pageProblems } from './support';

/** The first two reviewers' marker colours (src-renderer/desk/RecheckCase.tsx ANSWER_COLOURS). */
const FIRST_COLOURS: [number, number, number][] = [
  [0xe8, 0x59, 0x0c],
  [0x2b, 0x8a, 0x3e],
];

mariaDbForFile();

const w = useWorld({ plans: 1, spectrographs: 2, fibers: 4 });
let alice: Person;
let bob: Person;
let obsid: number;
let data: string;
const desk = useDeskBrowser();

beforeAll(async () => {
  ({ alice, bob, obsid } = await disagreeAndReport(w, new Date()));
  // A second report, elsewhere and of another kind, for the filters to tell apart.
  await reportAs(w, { lmjd: 60_000, planid: 'PLAN000', spid: 2, fiberFrom: 1, fiberTo: 2, type: 'stray-light', origin: 'raw', text: 'glow at the red end' }, new Date());
  data = await dataSourceFor(w);
}, 180_000);

afterAll(() => {
  if (data) rmSync(data, { recursive: true, force: true });
});

/** `specvet serve` signed in as `p`, reading spectra from the world's data source (unless `withData` is false), and a page on it. */
function appAs(p: Person, withData = true): Promise<Page> {
  return desk.appAs(p, withData ? { SPECVET_DATA: data } : {});
}

/** The x positions (px) of a canvas's pixels drawn in `rgb`, within a few levels. */
async function columnsOf(page: Page, selector: string, rgb: [number, number, number]): Promise<number[]> {
  return page.evaluate(
    ({ selector, rgb }) => {
      const canvas = document.querySelector<HTMLCanvasElement>(selector)!;
      const { data, width } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      const xs = new Set<number>();
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3]! > 200 && Math.abs(data[i]! - rgb[0]) < 8 && Math.abs(data[i + 1]! - rgb[1]) < 8 && Math.abs(data[i + 2]! - rgb[2]) < 8) xs.add((i / 4) % width);
      }
      return [...xs].sort((a, b) => a - b);
    },
    { selector, rgb },
  );
}

/** The line labels on the case's plot (review/labelRows.ts): whose (0 the final answer's, 1 the emphasised answer's), which row, from and to (px). */
async function labelsDrawn(page: Page): Promise<{ owner: number; row: number; left: number; right: number }[]> {
  const text = (await page.locator('canvas.marker-sets').getAttribute('data-labels')) ?? '';
  return text
    .split(' ')
    .filter(Boolean)
    .map((l) => {
      const [owner, row, left, right] = l.split(/[:-]/).map(Number);
      return { owner: owner!, row: row!, left: left!, right: right! };
    });
}

/** The alpha of the spectrograph canvas at (x, y) css px: the reported range is tinted, the rest clear. */
async function alphaAt(page: Page, x: number, y: number): Promise<number> {
  return page.evaluate(
    ({ x, y }) => {
      const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="slit-canvas"]')!;
      const dpr = window.devicePixelRatio || 1;
      return canvas.getContext('2d')!.getImageData(Math.round(x * dpr), Math.round(y * dpr), 1, 1).data[3]!;
    },
    { x, y },
  );
}

describe('the coordinator', () => {
  it('sees the disagreement and resolves it by keys; the list empties', async () => {
    const page = await appAs(w.coordinator);
    const links = page.getByRole('navigation', { name: 'desk screens' }).getByRole('button');
    await links.getByText('Recheck').waitFor();
    // All seven links, and the user's name and the sync line whole beside them at 1280 px.
    expect(await links.allInnerTexts()).toEqual(['My batches', 'Team batches', 'Progress', 'Recheck', '2D problems', 'Export', 'Trace']);
    await expect.poll(() => page.getByTestId('sync-state').innerText()).toMatch(/^synced /);
    expect(await page.locator('.top-bar .user').innerText()).toBe(w.coordinator.user);
    expect(await cutShortAt1280(page)).toEqual([]);
    await page.keyboard.press('r');
    const row = page.getByTestId('desk-recheck');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.innerText()).toContain(String(obsid));
    await shots(page, 'desk-recheck');
    await page.keyboard.press('Enter');
    const kase = page.getByTestId('desk-case');
    await kase.waitFor();
    // The spectrum is on the chart, read from the data source (the coordinator has it in no batch).
    await expect.poll(() => page.getByTestId('spectrum-chart').getAttribute('data-painted-obsid'), { timeout: 30_000 }).toBe(String(obsid));
    const legend = page.getByTestId('desk-legend-entry');
    expect(await legend.allInnerTexts()).toEqual([
      expect.stringMatching(/reviewer_\w+ (STAR z=0\.1000|GALAXY z=0\.3000) q3/),
      expect.stringMatching(/reviewer_\w+ (STAR z=0\.1000|GALAXY z=0\.3000) q3/),
      expect.stringMatching(/pipeline STAR G5 z=0\.1000/),
    ]);
    expect((await legend.allInnerTexts()).join()).toMatch(/STAR[\s\S]*GALAXY|GALAXY[\s\S]*STAR/);
    // Two reviewers, two marker sets in their own colours, at different places (z 0.1 STAR lines, z 0.3 GALAXY lines).
    const [first, second] = await Promise.all(FIRST_COLOURS.map((c) => columnsOf(page, 'canvas.marker-sets', c)));
    expect(first!.length).toBeGreaterThan(3);
    expect(second!.length).toBeGreaterThan(3);
    expect(first).not.toEqual(second);
    // ? lists the case's keys first, the emphasis key among them.
    await page.keyboard.press('?');
    expect(await page.getByTestId('mode-keys').innerText()).toMatch(/e\s+next answer's markers stand out[\s\S]*record the final answer/);
    await page.keyboard.press('?');
    await expect.poll(() => page.getByTestId('mode-keys').count()).toBe(0);
    expect(await legend.nth(0).getAttribute('aria-current')).toBe('true');
    await page.keyboard.press('e');
    expect(await legend.nth(1).getAttribute('aria-current')).toBe('true');
    // The final answer by the single mode's keys: GALAXY takes the GALAXY reviewer's z, ] adds 0.0001.
    await page.keyboard.press('g');
    // z types it: a wrong value is refused in one line and kept to fix.
    await page.keyboard.press('z');
    const zField = page.getByRole('textbox', { name: /final z/ });
    await zField.waitFor();
    expect(await zField.inputValue()).toBe('0.3000');
    await zField.fill('0.3x');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('desk-failure').innerText()).toMatch(/"0.3x" is not a number/);
    expect(await zField.inputValue()).toBe('0.3x');
    await zField.fill('0.2999');
    await page.keyboard.press('Enter');
    await zField.waitFor({ state: 'detached' });
    await page.keyboard.press(']');
    await page.keyboard.press(']');
    await page.keyboard.press('4');
    expect(await page.getByTestId('desk-draft').innerText()).toMatch(/final answer: GALAXY z=0\.3001 · quality 4/);
    await shots(page, 'desk-recheck-case');
    // The final answer's labels and the emphasised answer's share the rows: none prints over another.
    const labels = await labelsDrawn(page);
    expect(labels.filter((l) => l.owner === 0).length).toBeGreaterThan(3);
    expect(labels.filter((l) => l.owner === 1).length).toBeGreaterThan(3);
    for (const a of labels) for (const b of labels) if (a !== b && a.row === b.row) expect(a.right <= b.left || b.right <= a.left, `${JSON.stringify(a)} and ${JSON.stringify(b)}`).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByTestId('desk-empty').waitFor();
    expect(await page.getByTestId('desk-empty').innerText()).toMatch(/Nothing to recheck/);
    const [rechecks] = await w.admin.query('SELECT class, z, quality, coordinator FROM humanrecheck WHERE obsid = ?', [obsid]);
    expect(rechecks).toEqual([{ class: 'GALAXY', z: expect.closeTo(0.3001, 6), quality: 4, coordinator: w.coordinator.user }]);

    await page.keyboard.press('Escape');
    await page.keyboard.press('c');
    // jan-a, jan-b, and the batch the stray light's reporter was given.
    await expect.poll(() => page.getByTestId('desk-batch').count(), { timeout: 10_000 }).toBe(3);
    expect(await page.getByTestId('desk-batch').first().innerText()).toMatch(/jan-a[\s\S]*1 \/ 2/);
    await shots(page, 'desk-batches');
    // The progress screen has its own file and world: deskProgress.e2e.test.ts.
    expect(pageProblems(page)).toEqual([]);
    // Two screens, eight screenshots: past the default minute on a loaded machine.
  }, 120_000);
});

describe('the 2D team', () => {
  it('filters the reports, opens one on its spectrograph and acknowledges it there, by keys', async () => {
    const twod = await addPerson(w.db, '2d');
    const page = await appAs(twod);
    await page.getByRole('navigation', { name: 'desk screens' }).getByRole('button', { name: /2D problems/ }).waitFor();
    expect(await page.getByRole('navigation', { name: 'desk screens' }).getByRole('button', { name: /Recheck/ }).count()).toBe(0);
    expect(await page.locator('.top-bar .user').innerText()).toBe(twod.user);
    expect(await cutShortAt1280(page)).toEqual([]);
    await page.keyboard.press('t');
    const row = page.getByTestId('desk-problem');
    await expect.poll(() => row.count()).toBe(2);
    // s lists the spectrographs reported; typing narrows the list, Enter picks: spectrograph 2 only, the stray light report.
    const pick = page.getByTestId('desk-pick');
    const options = () => pick.getByRole('option').allInnerTexts();
    await page.keyboard.press('s');
    await pick.waitFor();
    expect(await options()).toEqual(['any', '1', '2']);
    await page.keyboard.type('2');
    expect(await options()).toEqual(['2']);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('desk-chip-spectrograph').innerText()).toMatch(/spectrograph 2/);
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.innerText()).toMatch(/PLAN000 · 2[\s\S]*1–2[\s\S]*stray light[\s\S]*raw/);
    await page.keyboard.press('c');
    await expect.poll(() => row.count()).toBe(2);
    // y: the types reported, known ones first (a free-text type too); ↓ Enter picks stray light.
    await page.keyboard.press('y');
    await pick.waitFor();
    expect(await options()).toEqual(['any', 'stray light', 'dead fibres']);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('desk-chip-type').innerText()).toMatch(/type stray light/);
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.innerText()).toContain('stray light');
    // Under the other filters the list is the same; Esc closes it and changes nothing.
    await page.keyboard.press('y');
    await pick.waitFor();
    expect(await options()).toEqual(['any', 'stray light', 'dead fibres']);
    await page.keyboard.press('Escape');
    await pick.waitFor({ state: 'detached' });
    expect(await page.getByTestId('desk-chip-type').innerText()).toMatch(/type stray light/);
    // ? lists the filter keys with how the list is used.
    await page.keyboard.press('?');
    expect(await page.getByTestId('mode-keys').innerText()).toMatch(/p\s+plan: pick from those reported \(type to narrow, ↑ ↓ Enter, Esc\)[\s\S]*y\s+type: pick/);
    await page.keyboard.press('?');
    // The first row, blank, is "any": the filter goes.
    await page.keyboard.press('y');
    await pick.waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('desk-chip-type').innerText()).toMatch(/type any/);
    await expect.poll(() => row.count()).toBe(2);
    // Nights are typed: the world's night is 2024-01-01.
    await page.keyboard.press('d');
    await page.keyboard.type('2024-01-02 2024-01-31');
    await page.keyboard.press('Enter');
    await page.getByTestId('desk-empty').waitFor();
    await page.keyboard.press('d');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('2024-01-01');
    await page.keyboard.press('Enter');
    await expect.poll(() => row.count()).toBe(2);
    // A plan nobody reported is refused in one line, the text kept to fix.
    await page.keyboard.press('p');
    await pick.waitFor();
    await page.keyboard.type('PLAN9');
    expect(await options()).toEqual([]);
    await page.keyboard.press('Enter');
    await expect.poll(() => pick.getByRole('alert').innerText()).toBe('no report has plan "PLAN9"; pick one from the list, or Esc');
    expect(await page.getByRole('textbox', { name: 'plan' }).inputValue()).toBe('PLAN9');
    await page.getByRole('textbox', { name: 'plan' }).fill('plan0');
    expect(await options()).toEqual(['PLAN000']);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('desk-chip-plan').innerText()).toMatch(/plan PLAN000/);
    await expect.poll(() => row.count()).toBe(2);
    await page.keyboard.press('y');
    await pick.waitFor();
    await shots(page, 'desk-problems');
    await page.keyboard.press('Escape');
    await page.keyboard.press('c');
    await expect.poll(() => page.getByTestId('desk-chip-plan').innerText()).toMatch(/plan any/);

    // Alice's report (sp1, fibres 2–3) is the first row: open it on its spectrograph.
    expect(await row.first().innerText()).toMatch(new RegExp(`2–3[\\s\\S]*dead fibres[\\s\\S]*${alice.user}[\\s\\S]*open`));
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    await page.keyboard.press('Enter');
    const open = page.getByTestId('desk-problem-open');
    await open.waitFor();
    expect(await open.innerText()).toMatch(/PLAN000 · spectrograph 1[\s\S]*fibres 2–3: dead fibres, 2D processing — open/);
    await expect.poll(() => open.innerText(), { timeout: 30_000 }).toMatch(/spectra 4 of 4/);
    expect(await page.getByTestId('desk-problem-files').count()).toBe(0);
    // Rows are 20 px from fibre 1: the reported fibres 2 and 3 are tinted, 1 and 4 are not.
    const tint = await Promise.all([1, 2, 3, 4].map((f) => alphaAt(page, 45, (f - 1) * 20 + 3)));
    expect(tint[0]).toBe(0);
    expect(tint[1]).toBeGreaterThan(0);
    expect(tint[2]).toBeGreaterThan(0);
    expect(tint[3]).toBe(0);
    await page.keyboard.press('a');
    await page.keyboard.type('flat field re-taken tonight');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('desk-problem-range').innerText()).toMatch(/— acknowledged/);
    await shots(page, 'desk-problem-open');
    await page.keyboard.press('Escape');
    await expect.poll(() => row.count()).toBe(2);
    expect(await page.locator('[data-testid="desk-problem"][aria-current="true"]').innerText()).toMatch(/2–3[\s\S]*acknowledged[\s\S]*flat field re-taken tonight/);
    expect(pageProblems(page)).toEqual([]);
  }, 120_000);

  it('says in one line that the spectra are not on this computer and what to do', async () => {
    const page = await appAs(await addPerson(w.db, '2d'), false);
    await page.getByRole('navigation', { name: 'desk screens' }).getByRole('button', { name: /2D problems/ }).waitFor();
    await page.keyboard.press('t');
    await page.keyboard.press('f'); // open only: the stray light report is still open
    await expect.poll(() => page.getByTestId('desk-problem').count()).toBe(1);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('desk-problem-files').innerText()).toMatch(/not on this computer: set SPECVET_DATA/);
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

// After the tests that count the reviewers' batches: its verdicts complete them.
describe("the coordinator's thresholds and full final answer", () => {
  it('d types a looser |Δz|/(1+z) that shows a case the default hides, kept for the session; t and c give the subclass and comment', async () => {
    const near = await nearAgreement(w, [alice, bob]);
    const page = await appAs(w.coordinator);
    await page.getByRole('navigation', { name: 'desk screens' }).getByRole('button', { name: /Recheck/ }).waitFor();
    await page.keyboard.press('r');
    // The class disagreement was resolved above; the near one agrees at the default.
    await page.getByTestId('desk-empty').waitFor();
    expect(await page.getByTestId('desk-chip-dz').innerText()).toMatch(/\|Δz\|\/\(1\+z\) ≥ 0\.0033$/);
    await page.keyboard.press('d');
    const dz = page.getByRole('textbox', { name: /redshifts disagree/ });
    await dz.fill('0.002x');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('desk-failure').innerText()).toMatch(/^"0.002x" is not a number/);
    expect(await dz.inputValue()).toBe('0.002x');
    await dz.fill('0.002');
    await page.keyboard.press('Enter');
    await dz.waitFor({ state: 'detached' });
    const row = page.getByTestId('desk-recheck');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.innerText()).toMatch(new RegExp(`^${near}[\\s\\S]*reviewers disagree`));
    // q: a quality difference outside 1–4 is refused in one line, the list unchanged.
    await page.keyboard.press('q');
    const dq = page.getByRole('textbox', { name: /qualities disagree/ });
    await dq.fill('5');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('desk-failure').innerText()).toBe('the quality threshold must be a whole number 1–4, got 5');
    expect(await dq.inputValue()).toBe('5');
    await page.keyboard.press('Escape');
    await dq.waitFor({ state: 'detached' });
    // Kept for the session: away and back, the list is still at 0.002.
    await page.keyboard.press('Escape');
    await page.keyboard.press('r');
    await expect.poll(() => row.count()).toBe(1);
    expect(await page.getByTestId('desk-chip-dz').innerText()).toMatch(/≥ 0\.002$/);
    expect(await page.getByTestId('desk-chip-dq').innerText()).toMatch(/qualities disagree at 2 or more apart/);
    await shots(page, 'desk-recheck-thresholds');

    await page.keyboard.press('Enter');
    await page.getByTestId('desk-case').waitFor();
    await page.keyboard.press('?');
    expect(await page.getByTestId('mode-keys').innerText()).toMatch(/t\s+pick the subclass[\s\S]*c\s+comment/);
    await page.keyboard.press('?');
    await page.keyboard.press('g');
    // t: single mode's subclass picker over the plot; text that is no subclass is refused and kept, type-ahead and ↓ pick.
    await page.keyboard.press('t');
    const subclass = page.getByRole('textbox', { name: 'subclass' });
    await subclass.waitFor();
    await page.keyboard.type('quasar');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('subclass-picker').getByRole('alert').innerText()).toBe('"quasar" is no LAMOST subclass of a GALAXY; pick one from the list, or Esc');
    expect(await subclass.inputValue()).toBe('quasar');
    await subclass.fill('');
    await page.keyboard.type('star');
    await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('option', { selected: true }).innerText()).toBe('STARBURST');
    // Esc leaves the draft as it was.
    await page.keyboard.press('Escape');
    await subclass.waitFor({ state: 'detached' });
    expect(await page.getByTestId('desk-draft').innerText()).toMatch(/^final answer: GALAXY z=/);
    await page.keyboard.press('t');
    await page.keyboard.type('ag');
    expect(await page.getByRole('option', { selected: true }).innerText()).toBe('AGN');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: 'test-results/desk-recheck-subclass-1280x800.png' });
    await page.keyboard.press('Enter');
    await subclass.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('desk-draft').innerText()).toMatch(/^final answer: GALAXY AGN z=/);
    await page.keyboard.press('c');
    await page.getByRole('textbox', { name: /comment on/ }).fill('narrow [O III] only: z from the stronger line');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('desk-draft').innerText()).toMatch(/final answer: GALAXY AGN z=\d\.\d{4} · “narrow \[O III\] only: z from the stronger line”/);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: 'test-results/desk-recheck-final-1280x800.png' });
    await page.keyboard.press('Enter');
    await page.getByTestId('desk-empty').waitFor();
    const [rechecks] = await w.admin.query('SELECT class, subclass, comment, coordinator FROM humanrecheck WHERE obsid = ?', [near]);
    expect(rechecks).toEqual([{ class: 'GALAXY', subclass: 'AGN', comment: 'narrow [O III] only: z from the stronger line', coordinator: w.coordinator.user }]);
    expect(pageProblems(page)).toEqual([]);
  });
});
