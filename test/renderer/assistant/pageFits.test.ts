/**
 * One read and one decode per spectrum, thumbnails before fits — in Node over real LAMOST
 * files, the real decode and fit workers' modules (run in this thread, test/support/inThreadWorker.ts),
 * the shipped templates, and the renderer's real decoder, fitter, thumbnail store and queue.
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
const OBSID0 = 5000;

/** What the page asked the host for, and what it told the workers, in order. */
const log: string[] = [];
const reads = new Map<number, number>();

const api = {
  readSpectrum: ({ obsid }: { obsid: number }) => {
    reads.set(obsid, (reads.get(obsid) ?? 0) + 1);
    return Promise.resolve(new Uint8Array(readFileSync(join(FIXTURES, FILES[obsid - OBSID0]!))));
  },
  listTemplates: () => Promise.resolve(readdirSync(SHIPPED_TEMPLATES).filter(isTemplateFile).sort()),
  readTemplate: ({ name }: { name: string }) => Promise.resolve(new Uint8Array(readFileSync(join(SHIPPED_TEMPLATES, name)))),
};
vi.mock('../../../src-renderer/api', () => ({ api }));

InThreadWorker.posted = (m) => log.push(`${(m.kind as string | undefined) ?? 'decode'} ${(m.obsid as number | undefined) ?? ''}`.trim());
vi.stubGlobal('Worker', InThreadWorker);

const { decoder } = await import('../../../src-renderer/spectra/decoder');
const { fitter } = await import('../../../src-renderer/assistant/fitter');
const { fitPage, usePageFits } = await import('../../../src-renderer/assistant/pageFits');
const { ThumbnailStore } = await import('../../../src-renderer/spectra/thumbnailStore');

const items = itemsOf('b', FILES.length, OBSID0).map((it) => ({ ...it, pipeline: { ...it.pipeline, class: 'STAR' as const, z: 0 } }));

beforeEach(() => {
  log.length = 0;
  reads.clear();
});

describe('the assistant takes the decoded spectrum', () => {
  it('a spectrum shown and fitted is read once and decoded once; the chart keeps its arrays', async () => {
    const obsid = OBSID0 + 3;
    const shown = await decoder.get(obsid);
    const pixels = shown.flux.length;
    const fit = await fitter.get(obsid);
    expect(fit.ok && fit.best.class).toBe('STAR');
    expect(reads.get(obsid)).toBe(1);
    expect(log.filter((m) => m.endsWith(String(obsid)))).toEqual([`decode ${obsid}`, `fit ${obsid}`]);
    // The fit got copies: the chart's arrays were not handed away with them.
    expect([shown.flux.length, shown.wavelength.length, decoder.ready(obsid)]).toEqual([pixels, pixels, shown]);
  }, 60_000);

  it('a page of thumbnails and their ≠fit marks: each file read and decoded once, every thumbnail before the first fit', async () => {
    const page = items.filter((it) => it.obsid !== OBSID0 + 3);
    const store = new ThumbnailStore();
    store.subscribe(() => log.push('thumbnail'));
    store.want(page.map((it) => it.obsid));
    fitPage(page, store);
    await vi.waitFor(() => expect(usePageFits.getState().byObsid.size).toBeGreaterThanOrEqual(page.length), { timeout: 60_000, interval: 100 });
    for (const it of page) {
      expect(reads.get(it.obsid), `reads of ${it.obsid}`).toBe(1);
      expect(usePageFits.getState().byObsid.get(it.obsid)).toMatchObject({ fitted: true, disagrees: false });
    }
    expect(log.filter((m) => m.startsWith('decode'))).toHaveLength(page.length);
    expect(log.lastIndexOf('thumbnail')).toBeLessThan(log.findIndex((m) => m.startsWith('fit')));
    expect(log.filter((m) => m.startsWith('fit'))).toEqual(page.map((it) => `fit ${it.obsid}`));
  }, 90_000);
});
