/**
 * Paging through many spectra keeps the page's memory flat — in Node over real LAMOST files,
 * the real decode and fit workers' modules (test/support/inThreadWorker.ts: transfers detach
 * as in a browser), the shipped templates, and the renderer's real decoder and fitter:
 * - the decoder's window hands each spectrum it lets go of back to the worker to decode the
 *   next one into; every spectrum shown has its own pixels (a reused buffer showing another
 *   spectrum's flux is what a reviewer would see go wrong), one let go of is empty;
 * - the spectrum the reviewer waits for (→ pressed past the ones decoded ahead) is decoded
 *   before the read-aheads still waiting, and a read-ahead paged past before its turn is not
 *   decoded at all;
 * - the fitter makes one fit at a time, and a fit whose spectrum was paged past before its
 *   turn is never made (nor its spectrum read for it).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { isTemplateFile } from '../../../shared/fit';
import { decodeSpectrum } from '../../../shared/spectrum/decode';
import { SHIPPED_TEMPLATES } from '../../../src-main/fit/templates';
import type { PlotSpectrum } from '../../../src-renderer/spectra/plotSpectrum';
import { InThreadWorker } from '../../support/inThreadWorker';

const FIXTURES = '/work/shared/fixtures/lamost';
const FILES = ['3703110.fits', '3709013.fits', '3712166.fits', 'spec-57287-KP193637N444141V03_sp10-161.fits.gz', 'spec-58397-EG014118N254444M01_sp03-031.fits'];
const OBSID0 = 7000;
const fileOf = (obsid: number) => FILES[(obsid - OBSID0) % FILES.length]!;
const bytesOf = (obsid: number) => new Uint8Array(readFileSync(join(FIXTURES, fileOf(obsid))));

const reads: number[] = [];
const posted: { kind: string; obsid: number; spare: number }[] = [];
const api = {
  readSpectrum: ({ obsid }: { obsid: number }) => (reads.push(obsid), Promise.resolve(bytesOf(obsid))),
  listTemplates: () => Promise.resolve(readdirSync(SHIPPED_TEMPLATES).filter(isTemplateFile).sort()),
  readTemplate: ({ name }: { name: string }) => Promise.resolve(new Uint8Array(readFileSync(join(SHIPPED_TEMPLATES, name)))),
};
vi.mock('../../../src-renderer/api', () => ({ api }));
InThreadWorker.posted = (m) => {
  const spare = m.spare instanceof ArrayBuffer ? m.spare.byteLength : 0;
  if (typeof m.obsid === 'number') posted.push({ kind: (m.kind as string | undefined) ?? 'decode', obsid: m.obsid, spare });
};
vi.stubGlobal('Worker', InThreadWorker);

const { decoder } = await import('../../../src-renderer/spectra/decoder');
const { fitter } = await import('../../../src-renderer/assistant/fitter');

beforeEach(() => {
  reads.length = 0;
  posted.length = 0;
});

/** The spectrum's own file decoded here, as the chart must show it. */
function expectOwnPixels(s: PlotSpectrum): void {
  const want = decodeSpectrum(bytesOf(s.obsid), fileOf(s.obsid));
  expect(s.flux, `flux of ${s.obsid}`).toEqual(want.flux);
  expect(s.wavelength, `wavelength of ${s.obsid}`).toEqual(want.wavelength);
  expect(s.ivar).toEqual(want.ivar);
  expect(s.andMask).toEqual(want.andMask);
  expect(s.orMask).toEqual(want.orMask);
  expect(s.sigma).toEqual(want.ivar.map((v) => (v > 0 ? 1 / Math.sqrt(v) : NaN)));
}

describe("the decoder's window reuses the buffers it lets go of", () => {
  it('paging on: each spectrum shows its own pixels, one let go of is empty, and the worker decodes into the spares', async () => {
    const obsids = Array.from({ length: 14 }, (_, k) => OBSID0 + k);
    const seen: PlotSpectrum[] = [];
    for (let index = 0; index < obsids.length; index++) {
      // As the review screen does: the spectrum on screen, then the window around it.
      const shown = await decoder.get(obsids[index]!);
      seen.push(shown);
      decoder.focus(obsids, index);
      await Promise.all(obsids.slice(Math.max(0, index - 2), index + 4).map((o) => decoder.get(o)));
      expectOwnPixels(shown);
      expect(decoder.ready(shown.obsid)).toBe(shown);
    }
    // Once spares flow, a request goes out with one for (nearly) every spectrum let go of.
    expect(posted.filter((p) => p.kind === 'decode' && p.spare > 0).length).toBeGreaterThanOrEqual(obsids.length - 6);
    // Every spectrum ever shown: its own pixels, or (its buffer handed on) none at all.
    let emptied = 0;
    for (const s of seen) {
      if (s.flux.length > 0) expectOwnPixels(s);
      else expect([s.wavelength.length, s.ivar.length, s.sigma?.length ?? 0], `spectrum ${s.obsid} let go of`).toEqual([0, 0, 0]);
      if (s.flux.length === 0) emptied++;
      if (decoder.holds(s)) expect(s.flux.length).toBeGreaterThan(0);
    }
    expect(emptied).toBeGreaterThanOrEqual(obsids.length - 6);
  }, 60_000);
});

describe("the decoder's line to its worker", () => {
  const decodes = () => posted.filter((p) => p.kind === 'decode').map((p) => p.obsid);

  it('decodes the spectrum waited for before the read-aheads still waiting', async () => {
    const obsids = Array.from({ length: 12 }, (_, k) => OBSID0 + 200 + k);
    // The window around the first spectrum is being read ahead when the reviewer, → pressed
    // past it, asks for another: only the read-aheads already in the worker go before it.
    const far = 9;
    decoder.focus(obsids, 3);
    const shown = await decoder.get(obsids[far]!);
    expectOwnPixels(shown);
    await Promise.all([1, 2, 4, 5, 6].map((i) => decoder.get(obsids[i]!)));
    // Asked for nearest first: 4, 2, 5, 1, 6 — the first two were in the worker already.
    expect(decodes()).toEqual([obsids[4], obsids[2], obsids[far], obsids[5], obsids[1], obsids[6]]);
  }, 60_000);

  it('does not decode a read-ahead the window let go of before its turn', async () => {
    const obsids = Array.from({ length: 20 }, (_, k) => OBSID0 + 300 + k);
    decoder.focus(obsids, 0);
    // Paged on before the read-aheads' turn: 1–3 have left the window by then.
    decoder.focus(obsids, 6);
    await decoder.get(obsids[6]!);
    await Promise.all([4, 5, 7, 8, 9].map((i) => decoder.get(obsids[i]!)));
    expect(reads.slice(0, 3)).toEqual(obsids.slice(1, 4));
    expect(decodes().sort()).toEqual(obsids.slice(4, 10));
  }, 60_000);
});

describe("the fitter's turn", () => {
  it('never makes (or reads a spectrum for) a fit paged past before its turn', async () => {
    const obsids = Array.from({ length: 14 }, (_, k) => OBSID0 + 100 + k);
    // → and on at once: the window moves twice before any fit of the first one's turn.
    void fitter.get(obsids[0]!).catch(() => undefined);
    fitter.focus(obsids, 0);
    fitter.focus(obsids, 9);
    const fit = await fitter.get(obsids[9]!);
    expect(fit.ok).toBe(true);
    await vi.waitFor(() => expect(posted.filter((p) => p.kind === 'fit').length).toBeGreaterThanOrEqual(4), { timeout: 60_000, interval: 50 });
    // Let any fit that would still be posted arrive.
    await fitter.get(obsids[10]!);
    const fits = posted.filter((p) => p.kind === 'fit').map((p) => p.obsid);
    expect(fits.sort()).toEqual([obsids[8], obsids[9], obsids[10], obsids[11]].sort());
    expect(reads.filter((o) => o < obsids[8]!)).toEqual([]);
  }, 90_000);
});
