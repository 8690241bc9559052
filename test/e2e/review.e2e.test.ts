/**
 * A new user's first start in the browser: the demo batches appear with no server, a spectrum
 * is plotted, the keys review it and the verdict lands in the outbox. Looks at the page the way
 * a person does (text on screen, pixels on the chart) and saves docs/screenshot.png.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppStatus, BatchSummary, Item } from '../../shared/model';
import type { SurveyBundle } from '../../src-main/survey/bundle';
import { classZQuestion } from '../../shared/plausibility';
import { apiCall, chartInk, openPage, pageProblems, ROOT, webEditionForSuite } from './support';

describe('web edition, first start on the demo', () => {
  const web = webEditionForSuite();
  let page: Page;
  let single: BatchSummary;
  let items: Item[];

  beforeAll(async () => {
    page = await openPage(web.browser, web.served.url);
  });

  it('shows the three demo batches, one per review mode, with no server configured', async () => {
    await page.getByRole('heading', { name: 'Your batches' }).waitFor();
    const rows = page.getByTestId('batch-row');
    await expect.poll(() => rows.count()).toBe(3);
    const text = await page.locator('.batch-list table').innerText();
    expect(text).toMatch(/single spectrum/);
    expect(text).toMatch(/browse \(stars\)/);
    expect(text).toMatch(/spectrograph/);
    expect(await page.getByTestId('status').innerText()).toMatch(/demo · demo data \(no server\) · 0 not pushed/);
    const batches = await apiCall<BatchSummary[]>(web.served.url, 'listBatches');
    single = batches.find((b) => b.mode === 'single')!;
    items = await apiCall<Item[]>(web.served.url, 'listItems', { batchId: single.id });
    expect(items.length).toBe(single.itemCount);
  });

  it('opens a batch and plots its first spectrum with the pipeline answer in the header', async () => {
    await page.getByRole('button', { name: single.name }).click();
    const first = items[0]!;
    await expect.poll(() => page.getByTestId('obsid').innerText()).toBe(`obsid ${first.obsid}`);
    await page.locator(`[data-painted-obsid="${first.obsid}"]`).waitFor();
    expect(await chartInk(page)).toBeGreaterThan(0.002);
    const pipeline = await page.getByTestId('pipeline').innerText();
    // What the header says is what the survey's spec_info row says.
    const bundle = JSON.parse(readFileSync(join(web.served.home, 'demo/survey.json'), 'utf8')) as SurveyBundle;
    const row = bundle.spec_info.find((s) => s.obsid === first.obsid)!;
    expect(pipeline).toContain(row.class);
    expect(pipeline).toContain(`z = ${row.z.toFixed(4)}`);
    expect(await page.getByTestId('verdict').innerText()).toBe('no verdict yet');
    expect(pageProblems(page)).toEqual([]);
    // README's picture shows what a reviewer sees a moment later: the fit beside the pipeline.
    await page.getByTestId('fit-answer').waitFor({ timeout: 60_000 });
    await page.screenshot({ path: join(ROOT, 'docs/screenshot.png') });
  });

  it('reviews from the keyboard: class, z, quality saves and moves on; the outbox shows it', async () => {
    const first = items[0]!;
    const second = items[1]!;
    await page.keyboard.press('q');
    // +0.03 (Alt+] three times): a QSO nearer than z 0.002 would be questioned (shared/plausibility.ts).
    for (let i = 0; i < 3; i++) await page.keyboard.press('Alt+]');
    const expectedZ = (Math.round((first.pipeline.z + 0.03) * 1e6) / 1e6).toFixed(4);
    await expect.poll(() => page.getByTestId('draft').innerText()).toMatch(new RegExp(`yours: QSO · z = ${expectedZ}`));
    await page.keyboard.press('4');
    await expect.poll(() => page.getByTestId('obsid').innerText()).toBe(`obsid ${second.obsid}`);
    await expect.poll(() => page.getByTestId('outbox').innerText()).toBe('1 not pushed');
    const status = await apiCall<AppStatus>(web.served.url, 'status');
    expect(status.outboxPending).toBe(1);
    // The command line sees the same outbox in the same cache file.
    const cli = spawnSync(process.execPath, [join(ROOT, 'bin/specvet.mjs'), 'status', '--json'], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, SPECVET_HOME: web.served.home },
      encoding: 'utf8',
    });
    expect(cli.status).toBe(0);
    expect(JSON.parse(cli.stdout)).toMatchObject({ user: 'demo', outboxPending: 1 });

    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.getByTestId('verdict').innerText()).toBe(`saved: QSO z = ${expectedZ} q4 (not pushed yet)`);
    const saved = (await apiCall<Item[]>(web.served.url, 'listItems', { batchId: single.id }))[0]!.verdict!;
    expect(saved).toMatchObject({ obsid: first.obsid, class: 'QSO', quality: 4, reviewer: 'demo', pushed: false });
    expect(saved.z).toBeCloseTo(first.pipeline.z + 0.03, 6);
  });

  it('Enter accepts the pipeline answer; Ctrl+Z withdraws the last verdict', async () => {
    const second = items[1]!;
    await page.keyboard.press('ArrowRight');
    // Where the pipeline's class and z contradict each other (shared/plausibility.ts; the demo
    // plants such answers), Enter questions it first and Enter again saves it as it is.
    const question = classZQuestion(second.pipeline.class, second.pipeline.z);
    await page.keyboard.press('Enter');
    if (question) {
      await expect.poll(() => page.getByTestId('notice').innerText()).toContain(`not saved yet: ${question}`);
      expect(await page.getByTestId('outbox').innerText()).toBe('1 not pushed');
      await page.keyboard.press('Enter');
    }
    await expect.poll(() => page.getByTestId('outbox').innerText()).toBe('2 not pushed');
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('outbox').innerText()).toBe('1 not pushed');
    await expect.poll(() => page.getByTestId('obsid').innerText()).toBe(`obsid ${second.obsid}`);
    expect(await page.getByTestId('verdict').innerText()).toBe('no verdict yet');
  });

  it('a z key moves the line markers, the z in the header and the χ² strip’s z line in one frame', async () => {
    await page.keyboard.press('a');
    const strip = page.getByTestId('chi2-strip');
    await strip.waitFor({ timeout: 60_000 });
    // A step that keeps the draft's z inside the strip's range and moves its line a few pixels (and the markers one at least).
    const [, lo, hi] = /z (-?[\d.]+) … (-?[\d.]+)/.exec(await strip.innerText())!.map(Number);
    const z = Number(/z = (-?[\d.]+)/.exec(await page.getByTestId('draft').innerText())![1]);
    const width = await strip.locator('canvas').evaluate((c: HTMLCanvasElement) => c.width);
    const steps = [['Shift+BracketRight', 0.001], ['Alt+BracketRight', 0.01]] as const;
    const [key, step] = steps.find(([, d]) => (d / (hi! - lo!)) * width >= 3 && z + d <= hi!) ?? steps[1];
    // Read at the keydown (before the app's handler), at the first frame after it, and a while later.
    await page.evaluate(() => {
      const hash = (c: HTMLCanvasElement) => {
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let h = 0;
        for (let i = 0; i < d.length; i++) h = (Math.imul(h, 31) + d[i]!) | 0;
        return h;
      };
      const now = () => ({
        markers: hash(document.querySelector<HTMLCanvasElement>('.line-overlay')!),
        strip: hash(document.querySelector<HTMLCanvasElement>('[data-testid="chi2-strip"] canvas')!),
        draft: document.querySelector('[data-testid="draft"]')!.textContent,
      });
      (window as unknown as { zSeen: Promise<unknown> }).zSeen = new Promise((resolve) => {
        // The bracket's own keydown, not its modifier's.
        const onKey = (e: KeyboardEvent) => {
          if (e.code !== 'BracketRight') return;
          removeEventListener('keydown', onKey, { capture: true });
          const before = now();
          requestAnimationFrame(() => {
            const next = now();
            setTimeout(() => resolve({ before, next, later: now() }), 200);
          });
        };
        addEventListener('keydown', onKey, { capture: true });
      });
    });
    await page.keyboard.press(key);
    type Seen = { markers: number; strip: number; draft: string };
    const { before, next, later } = await page.evaluate(() => (window as unknown as { zSeen: Promise<Record<'before' | 'next' | 'later', Seen>> }).zSeen);
    const moved = (Math.round((z + step) * 1e6) / 1e6).toFixed(4);
    expect(before.draft).toContain(`z = ${z.toFixed(4)}`);
    // Everything the z shows changed before the first frame after the key: seen together.
    expect(next.draft).toContain(`z = ${moved}`);
    expect(next.markers).not.toBe(before.markers);
    expect(next.strip).not.toBe(before.strip);
    // And nothing was left for a later task to draw.
    expect(later).toEqual(next);
    await page.keyboard.press(key.replace('Right', 'Left'));
    await expect.poll(() => page.getByTestId('draft').innerText()).toContain(`z = ${z.toFixed(4)}`);
    await page.keyboard.press('a');
    await expect.poll(() => strip.count()).toBe(0);
  });

  it('→ to a spectrum decoded ahead: its chart and the header change in one frame, the side panel follows', async () => {
    const at = async () => Number((await page.getByTestId('obsid').innerText()).replace('obsid ', ''));
    const start = await at();
    const next = items[items.findIndex((it) => it.obsid === start) + 1]!;
    // Once shown and left, the next spectrum is kept decoded (the window keeps two behind).
    for (const [key, obsid] of [['ArrowRight', next.obsid], ['ArrowLeft', start]] as const) {
      await page.keyboard.press(key);
      await page.locator(`[data-painted-obsid="${obsid}"]`).waitFor();
    }
    await page.evaluate(() => {
      const now = () => ({
        header: document.querySelector('[data-testid="obsid"]')!.textContent,
        chart: document.querySelector<HTMLElement>('[data-testid="spectrum-chart"]')!.dataset.paintedObsid,
        panel: document.querySelector('[data-testid="side-pipeline"]')!.textContent!.trim(),
      });
      (window as unknown as { nextSeen: Promise<unknown> }).nextSeen = new Promise((resolve) => {
        const onKey = () => {
          removeEventListener('keydown', onKey, { capture: true });
          const before = now();
          requestAnimationFrame(() => {
            const first = now();
            setTimeout(() => resolve({ before, first, later: now() }), 300);
          });
        };
        addEventListener('keydown', onKey, { capture: true });
      });
    });
    await page.keyboard.press('ArrowRight');
    type Seen = { header: string; chart: string; panel: string };
    const { before, first, later } = await page.evaluate(() => (window as unknown as { nextSeen: Promise<Record<'before' | 'first' | 'later', Seen>> }).nextSeen);
    expect(before.chart).toBe(String(start));
    expect(first.header).toBe(`obsid ${next.obsid}`);
    expect(first.chart).toBe(String(next.obsid));
    // The panel a frame behind at most: a moment later it describes the spectrum on screen.
    expect(later).toEqual({ ...first, panel: `${next.pipeline.class} ${next.pipeline.subclass}`.trim() });
    await page.keyboard.press('ArrowLeft');
    await page.locator(`[data-painted-obsid="${start}"]`).waitFor();
  });

  it('? shows every key; l hides the line markers', async () => {
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'review keys' });
    await help.waitFor();
    expect(await help.innerText()).toMatch(/undo the last verdict not yet pushed/);
    await page.keyboard.press('?');
    await help.waitFor({ state: 'detached' });
    const markerInk = () =>
      page.evaluate(() => {
        const c = document.querySelector<HTMLCanvasElement>('.line-overlay')!;
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 3; i < d.length; i += 4) if (d[i]! > 0) n++;
        return n;
      });
    expect(await markerInk()).toBeGreaterThan(0);
    await page.keyboard.press('l');
    await expect.poll(markerInk).toBe(0);
  });

  it('Sync on the demo says in one line that there is no server', async () => {
    await page.getByRole('button', { name: 'Sync' }).click();
    const notice = page.getByTestId('notice');
    await notice.waitFor();
    expect(await notice.innerText()).toMatch(/demo dataset: there is no central server to sync with/);
    // Information, not an alarm: nothing went wrong.
    expect(await notice.getAttribute('role')).toBe('status');
    // The click left the keyboard focus where it was: Enter accepts the spectrum, not Sync again.
    const pending = Number.parseInt(await page.getByTestId('outbox').innerText(), 10);
    const onScreen = items[1]!;
    await page.keyboard.press('Enter');
    // A contradiction between the pipeline's class and z is asked about first (see above).
    if (classZQuestion(onScreen.pipeline.class, onScreen.pipeline.z)) {
      await expect.poll(() => page.getByTestId('notice').innerText()).toContain('not saved yet');
      await page.keyboard.press('Enter');
    }
    await expect.poll(() => page.getByTestId('outbox').innerText()).toBe(`${pending + 1} not pushed`);
  });
});
