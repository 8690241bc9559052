/**
 * The thumbnails of the browse grid and the spectrograph view: a real LAMOST spectrum reduced to
 * its bins keeps its shape (each bin the mean of its finite pixels, a gap stays a gap), its
 * robust range, and the medians the spectrograph strip draws.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeSpectrum } from '../../../shared/spectrum/decode';
import { RobustRange } from '../../../src-renderer/spectra/robustRange';
import { THUMB_BINS, thumbnailOf } from '../../../src-renderer/spectra/thumbnail';
import type { PlotSpectrum } from '../../../src-renderer/spectra/plotSpectrum';

const FIXTURE = '/work/shared/fixtures/lamost/spec-57287-KP193637N444141V03_sp10-161.fits.gz';

function plotSpectrum(): PlotSpectrum {
  const s = decodeSpectrum(gunzipSync(readFileSync(FIXTURE)), 'fixture');
  const sigma = Float32Array.from(s.ivar, (v) => (v > 0 ? 1 / Math.sqrt(v) : NaN));
  const [yMin, yMax] = new RobustRange().of(s.flux);
  return { obsid: 1, wavelength: s.wavelength, flux: s.flux, ivar: s.ivar, andMask: s.andMask, sigma, orMask: s.orMask, yMin, yMax, fibertype: s.meta.fibertype };
}

describe('thumbnailOf', () => {
  it('keeps the spectrum: bins are means of their pixels, the medians are those of the file', () => {
    const s = plotSpectrum();
    const t = thumbnailOf(s);
    expect(t.bins).toHaveLength(THUMB_BINS);
    const n = s.flux.length;
    const to = Math.floor(n / THUMB_BINS);
    let sum = 0;
    for (let i = 0; i < to; i++) sum += s.flux[i]!;
    expect(t.bins[0]).toBeCloseTo(sum / to, 2);
    const sorted = Float32Array.from(s.flux).filter(Number.isFinite).sort();
    expect(t.medianFlux).toBe(sorted[sorted.length >> 1]);
    expect(t.medianSnr).toBeGreaterThan(10); // an F5 star at S/N r ≈ 128
    expect([t.yMin, t.yMax, t.wlMin, t.fibertype]).toEqual([s.yMin, s.yMax, s.wavelength[0], 'Obj']);
  });

  it('leaves a bin with no finite pixel as a gap (NaN), not a zero', () => {
    const s = plotSpectrum();
    const per = Math.floor(s.flux.length / THUMB_BINS);
    for (let i = 10 * per; i < 12 * per + per; i++) s.flux[i] = NaN;
    const t = thumbnailOf(s);
    expect(Number.isNaN(t.bins[11]!)).toBe(true);
    expect(Number.isFinite(t.bins[13]!)).toBe(true);
  });
});
