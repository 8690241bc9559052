/**
 * The fitter's one queue, which the review screen's fits and the pages' ≠fit marks share — in
 * Node over real LAMOST files, the real decode and fit workers' modules (run in this thread,
 * test/support/inThreadWorker.ts), the shipped templates, and the renderer's real decoder,
 * fitter, thumbnail store and page fits: one fit in the worker at a time, the order asked for
 * last fitted in that order, and a fit no longer wanted when its turn comes (its page
 * re-ordered or left) never made.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { isTemplateFile } from '../../../shared/fit';
import { SHIPPED_TEMPLATES } from '../../../src-main/fit/templates';
import { InThreadWorker } from '../../support/inThreadWorker';
import { itemsOf } from '../review/fakeApi';

const FIXTURES = '/work/shared/fixtures/lamost';
const FILES = ['3703110.fits', '3709013.fits', '3712166.fits', 'spec-57287-KP193637N444141V03_sp10-161.fits.gz', 'spec-58397-EG014118N254444M01_sp03-031.fits'];
const OBSID0 = 9000;

const api = {
  readSpectrum: ({ obsid }: { obsid: number }) => Promise.resolve(new Uint8Array(readFileSync(join(FIXTURES, FILES[(obsid - OBSID0) % FILES.length]!)))),
  listTemplates: () => Promise.resolve(readdirSync(SHIPPED_TEMPLATES).filter(isTemplateFile).sort()),
  readTemplate: ({ name }: { name: string }) => Promise.resolve(new Uint8Array(readFileSync(join(SHIPPED_TEMPLATES, name)))),
};
vi.mock('../../../src-renderer/api', () => ({ api }));

/** The spectra sent to the fit worker, in order, and how many fits it held at once at most. */
const fitted: number[] = [];
let inWorker = 0;
let most = 0;
InThreadWorker.posted = (m) => {
  if (m.kind !== 'fit') return;
  fitted.push(m.obsid as number);
  most = Math.max(most, ++inWorker);
};
InThreadWorker.answered = (worker) => {
  if (worker === 'fit.worker.ts') inWorker--;
};
vi.stubGlobal('Worker', InThreadWorker);

const { fitter } = await import('../../../src-renderer/assistant/fitter');
const { fitPage, stopFits, usePageFits } = await import('../../../src-renderer/assistant/pageFits');
const { ThumbnailStore } = await import('../../../src-renderer/spectra/thumbnailStore');

/** The fixtures are stars: the pipeline says so, so a fit that agrees is no ≠fit. */
const starsOf = (batch: string, count: number, first: number) => itemsOf(batch, count, first).map((it) => ({ ...it, pipeline: { ...it.pipeline, class: 'STAR' as const, z: 0 } }));

/** Resolves once the fit worker has been sent more than `n` spectra. */
const afterFits = (n: number) => vi.waitFor(() => expect(fitted.length).toBeGreaterThan(n), { timeout: 60_000, interval: 2 });

beforeEach(() => {
  fitted.length = 0;
  most = 0;
});

describe("the fitter's one queue", () => {
  it('a page re-ordered (End in the spectrograph view) is fitted in its new order; of the old order only what was in the worker', async () => {
    const items = starsOf('a', 10, OBSID0);
    const store = new ThumbnailStore();
    store.want(items.map((it) => it.obsid));
    fitPage(items, store);
    await afterFits(0);
    const before = fitted.slice();
    const reordered = [...items].reverse();
    fitPage(reordered, store);
    await vi.waitFor(() => expect(items.filter((it) => !usePageFits.getState().byObsid.has(it.obsid))).toEqual([]), { timeout: 90_000, interval: 100 });
    // Each spectrum fitted once: the one in the worker when the order changed is not fitted again.
    expect(fitted).toEqual([...before, ...reordered.map((it) => it.obsid).filter((o) => !before.includes(o))]);
    expect(items.map((it) => usePageFits.getState().byObsid.get(it.obsid)?.fitted)).toEqual(items.map(() => true));
    expect(most).toBe(1);
  }, 120_000);

  it("the grid left for one spectrum: the page's fits stop at the one in the worker, the review screen's follow, one at a time", async () => {
    const items = starsOf('b', 8, OBSID0 + 100);
    const obsids = items.map((it) => it.obsid);
    const store = new ThumbnailStore();
    store.want(obsids);
    fitPage(items, store);
    await afterFits(0);
    const fromPage = fitted.slice();
    // As Enter on the grid does: the page's fits are no longer wanted, the spectrum on screen's
    // fit and its window's are.
    stopFits();
    const shown = fitter.get(obsids[6]!);
    fitter.focus(obsids, 6);
    expect((await shown).ok).toBe(true);
    await Promise.all([fitter.get(obsids[7]!), fitter.get(obsids[5]!)]);
    expect(fitted).toEqual([...fromPage, obsids[6], obsids[7], obsids[5]]);
    // The page's marks: only for what was fitted before it was left.
    expect(obsids.filter((o) => usePageFits.getState().byObsid.has(o))).toEqual(fromPage);
    expect(most).toBe(1);
  }, 120_000);
});
