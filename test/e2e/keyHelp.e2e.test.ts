/**
 * The key help (`?`) on every screen that has it, at 1280×800 and 1920×1080: the screen's own
 * keys (from the keymaps' data: shared/keymap.ts, modeKeys.ts, keymapDesk.ts) all on its first
 * page, which is read without scrolling; Tab turns to the other screens' keys and back. The demo's
 * single view, browse grid, spectrograph view and batch list, then a coordinator's batch list and
 * desk screens on a real MariaDB world (a disagreement and a 2D report to open). Screenshots of
 * each page go to test-results/key-help-<screen>-<size>.png.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BATCH_LIST_KEYMAP, chordLabel, DEFAULT_KEYMAP, describeAction } from '../../shared/keymap';
import { DESK_KEYS, type DeskKeyDef, type DeskKeyScope } from '../../shared/keymapDesk';
import { BROWSE_KEYMAP, describeBrowse, describeSpectrograph, hintLabel, SPECTROGRAPH_KEYMAP, type ModeKeymap } from '../../shared/modeKeys';
import type { ReviewMode } from '../../shared/model';
import { dataSourceFor, disagreeAndReport } from '../support/deskWorld';
import { useWorld } from '../support/world';
import { useDeskBrowser } from './deskSupport';
import { demoBatch, mariaDbForFile, openPage, pageProblems, ROOT, webEditionForSuite } from './support';

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

const texts = <A>(keymap: Readonly<Record<string, A>>, describe: (a: A) => string) => [...new Set(Object.values(keymap).map(describe))];
/** A review keymap's keys as printed (some actions share a row, "s g q u", so the keys are what is checked). */
const labels = (keymap: Readonly<Record<string, unknown>>) => Object.keys(keymap).map(chordLabel);
const modeLabels = (keymap: Readonly<Record<string, unknown>>) => Object.keys(keymap).map((c) => (c === ' ' ? 'Space' : chordLabel(c)));
/** The review keys still live beside a mode view's own (its chords win). */
const reviewBeside = <A>(mode: ModeKeymap<A>) => labels(Object.fromEntries(Object.entries(DEFAULT_KEYMAP).filter(([c]) => !(c in mode))));
/** A desk scope's texts and keys as printed, of the keys `keep` keeps. */
const deskKeys = (scope: DeskKeyScope, keep = (_: DeskKeyDef) => true): [string[], string[]] => {
  const defs = DESK_KEYS[scope].filter(keep);
  return [defs.map((d) => d.text), defs.flatMap((d) => d.keys.map(hintLabel))];
};

/**
 * Opens the help at each size and checks what a reviewer would: the page of this screen's keys
 * holds every text in `keys` and every key in `chords` (as <kbd>), and fits its box (nothing to scroll, nothing cut at the window's
 * edges); Tab shows the other screens (`others`: one of their titles) and Tab comes back.
 */
async function checkHelp(page: Page, name: string, keys: string[], chords: string[], others: string): Promise<void> {
  const help = page.getByRole('dialog', { name: 'review keys' });
  const body = help.getByTestId('key-help-page');
  for (const size of SIZES) {
    await page.setViewportSize(size);
    // A field with the focus (the trace's search box, the new batch form) would take ? as text.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('?');
    await body.waitFor();
    expect(await body.getAttribute('data-page')).toBe('here');
    const fits = await body.evaluate((el) => ({ down: el.scrollHeight - el.clientHeight, across: el.scrollWidth - el.clientWidth }));
    expect(fits, `${name} at ${size.width}×${size.height}: the page scrolls`).toEqual({ down: 0, across: 0 });
    const box = (await help.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(size.height);
    const shown = await body.innerText();
    for (const k of keys) expect(shown, `${name}: "${k}"`).toContain(k);
    const kbds = await body.locator('kbd').allInnerTexts();
    for (const c of chords) expect(kbds, `${name}: key ${c}`).toContain(c);
    await page.screenshot({ path: join(ROOT, `test-results/key-help-${name}-${size.width}x${size.height}.png`) });
    await page.keyboard.press('Tab');
    await expect.poll(() => body.getAttribute('data-page')).toBe('others');
    expect(await body.innerText()).toContain(others);
    if (size.width === 1280) await page.screenshot({ path: join(ROOT, `test-results/key-help-${name}-others-${size.width}x${size.height}.png`) });
    await page.keyboard.press('Tab');
    await expect.poll(() => body.getAttribute('data-page')).toBe('here');
    await page.keyboard.press('?');
    await help.waitFor({ state: 'detached' });
  }
}

describe('the demo: single view, browse grid, spectrograph view, batch list', () => {
  const web = webEditionForSuite();
  let page: Page;
  beforeAll(async () => {
    page = await openPage(web.browser, web.served.url);
  });
  afterAll(() => page?.close());

  const open = async (mode: ReviewMode) => {
    await page.getByRole('button', { name: (await demoBatch(web.served, mode)).name, exact: true }).click();
  };

  it('each screen shows its own keys first, whole, without scrolling', async () => {
    await page.getByTestId('batch-row').first().waitFor();
    await checkHelp(page, 'batch-list', texts(BATCH_LIST_KEYMAP, describeAction), labels(BATCH_LIST_KEYMAP), 'next spectrum');

    await open('single');
    await page.locator('[data-painted-obsid]:not([data-painted-obsid=""])').waitFor();
    await checkHelp(page, 'single', ['next spectrum', 'class STAR / GALAXY / QSO / UNKNOWN', 'undo the last verdict not yet pushed'], labels(DEFAULT_KEYMAP), 'batch list: cursor down');
    await page.keyboard.press('Escape');

    await open('browse');
    await page.getByTestId('browse').waitFor();
    await checkHelp(page, 'browse', texts(BROWSE_KEYMAP, describeBrowse), [...modeLabels(BROWSE_KEYMAP), ...reviewBeside(BROWSE_KEYMAP)], 'Spectrograph view');
    await page.keyboard.press('Escape');

    await open('spectrograph');
    await page.getByTestId('slit').waitFor();
    await checkHelp(page, 'spectrograph', texts(SPECTROGRAPH_KEYMAP, describeSpectrograph), [...modeLabels(SPECTROGRAPH_KEYMAP), ...reviewBeside(SPECTROGRAPH_KEYMAP)], 'Browse grid');
    expect(pageProblems(page)).toEqual([]);
  }, 180_000);
});

describe('a coordinator: the batch list and each desk screen', () => {
  mariaDbForFile();
  const w = useWorld({ plans: 1, spectrographs: 2, fibers: 4 });
  const desk = useDeskBrowser();
  let data: string;
  beforeAll(async () => {
    await disagreeAndReport(w, new Date());
    data = await dataSourceFor(w);
  }, 180_000);
  afterAll(() => {
    if (data) rmSync(data, { recursive: true, force: true });
  });

  it('each desk screen shows its keys first, whole, without scrolling', async () => {
    const page = await desk.appAs(w.coordinator, { SPECVET_DATA: data });
    await page.getByRole('navigation', { name: 'desk screens' }).getByRole('button', { name: 'Recheck' }).waitFor();
    await checkHelp(page, 'desk-home', [...texts(BATCH_LIST_KEYMAP, describeAction), ...deskKeys('home')[0]], [...labels(BATCH_LIST_KEYMAP), ...deskKeys('home')[1]], 'Desk: Progress');

    const screen = async (key: string, name: string) => {
      await page.keyboard.press(key);
      await page.getByTestId(`desk-screen-${name}`).waitFor();
    };
    await screen('c', 'batches');
    await checkHelp(page, 'desk-batches', ...deskKeys('batches'), 'Single view');
    await screen('n', 'newBatch');
    await checkHelp(page, 'desk-newBatch', ...deskKeys('newBatch'), 'Single view');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await screen('p', 'progress');
    await checkHelp(page, 'desk-progress', ...deskKeys('progress'), 'Desk: Recheck');
    await page.keyboard.press('Escape');
    await screen('r', 'recheck');
    await expect.poll(() => page.getByTestId('desk-recheck').count()).toBe(1);
    await checkHelp(page, 'desk-recheck', ...deskKeys('recheck'), 'Desk: a recheck case open');
    await page.keyboard.press('Enter');
    await page.getByTestId('desk-case').waitFor();
    await checkHelp(page, 'desk-recheck-case', ...deskKeys('recheckCase'), 'Desk: Recheck');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await screen('t', 'problems');
    await expect.poll(() => page.getByTestId('desk-problem').count()).toBe(1);
    await checkHelp(page, 'desk-problems', ...deskKeys('problems'), 'Desk: a 2D report open');
    await page.keyboard.press('Enter');
    await page.getByTestId('desk-problem-open').waitFor();
    await checkHelp(page, 'desk-problem-open', ...deskKeys('problemOpen'), 'Desk: 2D problems');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    // By nights (the export's first form) there is no list: no cursor keys to show.
    await screen('e', 'export');
    await checkHelp(page, 'desk-export', ...deskKeys('export', (d) => d.id !== 'rowDown' && d.id !== 'rowUp'), 'Desk: Trace');
    await page.keyboard.press('Escape');
    await screen('/', 'trace');
    await checkHelp(page, 'desk-trace', ...deskKeys('trace'), 'Desk: Export');
    expect(pageProblems(page)).toEqual([]);
  }, 300_000);
});
