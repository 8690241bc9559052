/**
 * The spectrograph view by keyboard on the demo survey: all 250 fibres of the demo's faulty
 * spectrograph, the planted 2D fault selected by keys and reported over exactly its fibres, the
 * report drawn over them and in the outbox; an overlapping, inverted or outside range refused in
 * one line with the typed text kept; the assistant's fits of every fibre, the fibres in view
 * first, ≠fit on the planted wrong pipeline answers, the cursor's fibre's fit beside the
 * pipeline's, keys answered while it fits. Screenshots: test-results/spectrograph-*.png.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BatchSummary, Item, ProblemReport } from '../../shared/model';
import { readBundle, type FaultRow, type TruthRow } from '../../src-main/survey/bundle';
import { apiCall, demoBatch, pageProblems, ROOT, webEditionForSuite } from './support';

async function openSlit(page: Page, batch: BatchSummary, spectra: number): Promise<void> {
  await page.getByRole('button', { name: batch.name, exact: true }).click();
  await page.getByTestId('slit').waitFor();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await expect.poll(() => page.getByTestId('slit').innerText(), { timeout: 30_000 }).toContain(`spectra ${spectra} of ${spectra}`);
}

async function selectFibres(page: Page, from: number, to: number): Promise<void> {
  await page.keyboard.press('Home');
  for (let f = 1; f < from; f++) await page.keyboard.press('ArrowDown');
  for (let f = from; f < to; f++) await page.keyboard.press('Shift+ArrowDown');
  await expect.poll(() => page.getByTestId('slit-selection').innerText()).toBe(`fibres ${from}–${to} selected`);
}

/** Everything in the view inside the window and the report form clear of the canvas. */
async function fitsTheWindow(page: Page): Promise<void> {
  const viewport = page.viewportSize()!;
  for (const sel of ['.slit-header', '.slit-canvas', '.slit .key-hint', '.slit-reports']) {
    const b = (await page.locator(sel).boundingBox())!;
    expect(b.x >= 0 && b.y >= 0 && b.x + b.width <= viewport.width && b.y + b.height <= viewport.height).toBe(true);
  }
  const canvas = (await page.locator('.slit-canvas').boundingBox())!;
  const hint = (await page.locator('.slit .key-hint').boundingBox())!;
  expect(canvas.y + canvas.height).toBeLessThanOrEqual(hint.y + 1);
}

describe('web edition, spectrograph mode by keyboard', () => {
  const web = webEditionForSuite();
  let batch: BatchSummary;
  let fault: FaultRow;
  let items: Item[];
  let truth: Map<number, TruthRow>;

  beforeAll(async () => {
    batch = await demoBatch(web.served, 'spectrograph');
    const bundle = await readBundle(join(web.served.home, 'demo'));
    truth = new Map(bundle.truth.spectra.map((t) => [t.obsid, t]));
    items = await apiCall<Item[]>(web.served.url, 'listItems', { batchId: batch.id });
    const at = items[0]!;
    fault = bundle.truth.faults.find((f) => f.lmjd === at.lmjd && f.planid === at.planid && f.spid === at.spid)!;
  });

  it('1280×800: the planted fault reported over its fibres; bad ranges refused with the text kept', async () => {
    const page = await web.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems = pageProblems(page);
    await page.goto(web.served.url);
    await openSlit(page, batch, batch.itemCount);
    await fitsTheWindow(page);

    await selectFibres(page, fault.fiberFrom, fault.fiberTo);
    await page.keyboard.press('p');
    const form = page.getByTestId('report-form');
    await form.waitFor();
    // The type select has the focus; the fault's kind is picked with the arrow keys.
    const kinds = ['stray-light', 'negative-flux'];
    for (let k = 0; k < kinds.indexOf(fault.kind); k++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab'); // origin: 2D processing (the default)
    await page.keyboard.press('Tab');
    await page.keyboard.type('a block of fibres lifted in the blue');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => form.count()).toBe(0);
    const kindText = fault.kind === 'stray-light' ? 'stray light' : 'negative flux';
    await expect
      .poll(() => page.getByTestId('slit-report').first().innerText())
      .toBe(`fibres ${fault.fiberFrom}–${fault.fiberTo}: ${kindText}, 2D processing — open (not pushed yet)`);
    const at = { lmjd: fault.lmjd, planid: fault.planid, spid: fault.spid };
    const filed = await apiCall<ProblemReport[]>(web.served.url, 'listProblems', at);
    expect(filed).toMatchObject([{ fiberFrom: fault.fiberFrom, fiberTo: fault.fiberTo, type: fault.kind, origin: '2d', state: 'open', pushed: false }]);
    expect((await apiCall<{ outboxPending: number }>(web.served.url, 'status')).outboxPending).toBe(1);
    await page.screenshot({ path: join(ROOT, 'test-results/spectrograph-1280x800.png') });

    // Overlapping the open report: refused in one line, the description kept.
    await selectFibres(page, fault.fiberTo, fault.fiberTo + 3);
    await page.keyboard.press('p');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('second look');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.getByTestId('report-error').innerText()).toContain('overlap the open report');
    expect(await page.getByLabel('description').inputValue()).toBe('second look');
    // Inverted, then outside the slit: refused the same way.
    await page.getByLabel('first fibre').fill('200');
    await page.getByLabel('last fibre').fill('190');
    await page.getByLabel('last fibre').press('Enter');
    await expect.poll(() => page.getByTestId('report-error').innerText()).toBe('the first fibre (200) is after the last (190): swap them');
    await page.getByLabel('last fibre').fill('251');
    await page.getByLabel('last fibre').press('Enter');
    await expect.poll(() => page.getByTestId('report-error').innerText()).toBe('fibres must be within 1–250, got 200–251');
    expect(await page.getByLabel('description').inputValue()).toBe('second look');
    await page.screenshot({ path: join(ROOT, 'test-results/spectrograph-refused-1280x800.png') });
    await page.getByLabel('description').press('Escape');
    await expect.poll(() => page.getByTestId('report-form').count()).toBe(0);
    // Esc put the draft away, not in the bin: p brings back everything typed.
    await page.keyboard.press('p');
    expect(await page.getByLabel('description').inputValue()).toBe('second look');
    expect([await page.getByLabel('first fibre').inputValue(), await page.getByLabel('last fibre').inputValue()]).toEqual(['200', '251']);
    await page.getByLabel('description').press('Escape');
    expect(await apiCall<ProblemReport[]>(web.served.url, 'listProblems', at)).toHaveLength(1);
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000); // the assistant fits the 229 fibres meanwhile: on 2 shared cores, keys and IPC slow down

  it('1920×1080: the view fits; o shows all 250 fibres', async () => {
    const page = await web.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(web.served.url);
    await openSlit(page, batch, batch.itemCount);
    await fitsTheWindow(page);
    await page.screenshot({ path: join(ROOT, 'test-results/spectrograph-1920x1080.png') });
    await page.keyboard.press('o');
    await expect.poll(() => page.getByTestId('slit').innerText()).toContain('all 250 fibres');
    await fitsTheWindow(page);
    await page.screenshot({ path: join(ROOT, 'test-results/spectrograph-all-1920x1080.png') });
    await page.close();
  });

  it('1280×800: the assistant fits every fibre, the view first, marks the planted wrong answers ≠fit and never holds a key', async () => {
    const page = await web.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems = pageProblems(page);
    await page.goto(web.served.url);
    await openSlit(page, batch, batch.itemCount);
    const fibres = (attr: string) => async () => ((await page.getByTestId('slit').getAttribute(attr)) ?? '').split(' ').filter(Boolean).map(Number);
    const fitted = fibres('data-fitted');
    const disagreeing = fibres('data-disagrees');

    // End: the last fibres come into view, and they are fitted before the ones scrolled away.
    // What was fitted is read in the page as End arrives: a read a round trip before it would
    // miss the fits answered in between.
    await page.evaluate(() =>
      window.addEventListener('keydown', (e) => e.key === 'End' && document.querySelector('[data-testid="slit"]')!.setAttribute('data-fitted-at-end', document.querySelector('[data-testid="slit"]')!.getAttribute('data-fitted') ?? ''), { capture: true, once: true }),
    );
    await page.keyboard.press('End');
    const before = new Set(((await page.getByTestId('slit').getAttribute('data-fitted-at-end')) ?? '').split(' ').filter(Boolean).map(Number));
    expect(before.size).toBeLessThan(items.length / 2);
    await expect.poll(() => page.getByTestId('slit').getAttribute('data-view')).toMatch(/^\d+–250$/);
    const firstInView = Number((await page.getByTestId('slit').getAttribute('data-view'))!.split('–')[0]);
    const view = items.map((it) => it.fiberid).filter((f) => f >= firstInView);
    expect(view.length).toBeGreaterThan(10);
    const inView = async () => (await fitted()).filter((f) => f >= firstInView).length;
    await expect.poll(inView, { timeout: 240_000, interval: 250 }).toBe(view.length);
    // Above the view, a handful, never the ~200 fibres above: the fit in the worker when End was
    // pressed, and the old order's next turns while the new view's thumbnails load (the page
    // gives the fitter its new order once they are in; 3 seen in a quiet fresh-clone CI run).
    const meanwhile = (await fitted()).filter((f) => f < firstInView && !before.has(f));
    expect(meanwhile.length).toBeLessThanOrEqual(5);

    // While the rest are fitted, keys answer at once.
    expect((await fitted()).length).toBeLessThan(items.length);
    await page.keyboard.press('Home');
    for (let k = 0; k < 10; k++) await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getByTestId('slit-selection').innerText(), { timeout: 1000 }).toBe('fibres 11–11 selected');

    await expect.poll(async () => (await fitted()).length, { timeout: 600_000, interval: 1000 }).toBe(items.length);
    expect(await page.getByTestId('slit-fits').innerText()).toMatch(new RegExp(`^fitted ${items.length} of ${items.length} · \\d+ ≠fit$`));

    // Every planted wrong pipeline answer outside the 2D fault's fibres carries ≠fit; few others do.
    const marked = new Set(await disagreeing());
    const clean = items.filter((it) => it.fiberid < fault.fiberFrom || it.fiberid > fault.fiberTo);
    const planted = clean.filter((it) => truth.get(it.obsid)!.pipelineError !== null);
    expect(planted.length).toBeGreaterThan(0);
    expect(planted.filter((it) => !marked.has(it.fiberid)).map((it) => it.fiberid)).toEqual([]);
    const falseMarks = clean.filter((it) => marked.has(it.fiberid) && truth.get(it.obsid)!.pipelineError === null);
    expect(falseMarks.length).toBeLessThanOrEqual(0.1 * clean.length);

    // The cursor on a planted fibre: the fit's answer (the true class) beside the pipeline's, ≠.
    const target = planted[0]!;
    await page.keyboard.press('Home');
    for (let f = 1; f < target.fiberid; f++) await page.keyboard.press('ArrowDown');
    const line = page.getByTestId('slit-fit');
    await expect.poll(() => line.innerText()).toContain(`fibre ${target.fiberid}`);
    const text = await line.innerText();
    expect(text).toContain(`fit: ${truth.get(target.obsid)!.class} `);
    expect(text).toContain(`pipeline: ${target.pipeline.class} `);
    expect(text).toContain('≠ pipeline');
    await fitsTheWindow(page);
    const lineBox = (await line.boundingBox())!;
    const canvas = (await page.locator('.slit-canvas').boundingBox())!;
    expect(lineBox.y + lineBox.height).toBeLessThanOrEqual(canvas.y);
    expect(await line.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
    await page.screenshot({ path: join(ROOT, 'test-results/spectrograph-fits-1280x800.png') });
    await page.keyboard.press('o');
    await page.screenshot({ path: join(ROOT, 'test-results/spectrograph-fits-all-1280x800.png') });
    expect(problems).toEqual([]);
    await page.close();
  }, 900_000);
});
