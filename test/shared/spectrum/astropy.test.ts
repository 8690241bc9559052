/**
 * Every pixel we decode equals what astropy reads from the same file: the real LAMOST
 * fixtures and files astropy writes itself (SDSS-style COADD one row per pixel, LAMOST
 * COADD with D/J/K columns, float64 and scaled int16 images, gzip by Python).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeSpectrum, type Spectrum } from '../../../shared/spectrum/decode';
import { astropyAvailable, astropyRead, astropyWrite, type AstropySpectrum } from '../../support/astropy';
import { fixture, fixturesPresent, LRS_FIXTURES } from './fixtures';

if (!astropyAvailable) console.warn('skipped: astropy not importable by /usr/bin/python3 (apt install python3-astropy)');

function expectSamePixels(ours: Spectrum, ref: AstropySpectrum): void {
  expect(ours.layout).toBe(ref.layout);
  const asRef = (a: ArrayLike<number>) => Array.from(a, (v) => (Number.isFinite(v) ? v : null));
  expect(asRef(ours.flux)).toEqual(ref.flux);
  expect(asRef(ours.ivar)).toEqual(ref.ivar);
  expect(Array.from(ours.andMask)).toEqual(ref.andMask);
  expect(Array.from(ours.orMask)).toEqual(ref.orMask);
  if (ours.layout === 'sdss-spec') {
    // 10^loglam: JS and numpy pow may differ in the last bit.
    ours.wavelength.forEach((w, i) => expect(Math.abs(w - ref.wavelength[i]!) / w).toBeLessThan(1e-14));
  } else {
    expect(asRef(ours.wavelength)).toEqual(ref.wavelength);
  }
}

describe.skipIf(!astropyAvailable || !fixturesPresent)('real LAMOST files against astropy', () => {
  it('agrees on every pixel and header value', () => {
    const files = LRS_FIXTURES.map((f) => fixture(f.name));
    const refs = astropyRead(files);
    for (const ref of refs) {
      const ours = decodeSpectrum(new Uint8Array(readFileSync(ref.file)), ref.file);
      expectSamePixels(ours, ref);
      const h = ref.header;
      expect([ours.meta.obsid, ours.meta.designation, ours.meta.lmjd, ours.meta.planid, ours.meta.spid, ours.meta.fiberid]).toEqual([h.OBSID, h.DESIG, h.LMJD, h.PLANID, h.SPID, h.FIBERID]);
      expect([ours.meta.ra, ours.meta.dec, ours.meta.z, ours.meta.zErr, ours.meta.snr.g]).toEqual([h.RA, h.DEC, h.Z, h.Z_ERR, h.SNRG]);
      expect([ours.meta.class, ours.meta.subclass]).toEqual([h.CLASS, h.SUBCLASS]);
    }
  });
});

describe.skipIf(!astropyAvailable)('files written by astropy', () => {
  const dir = mkdtempSync(join(tmpdir(), 'specvet-astropy-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const names = astropyAvailable ? astropyWrite(dir) : [];

  it.each(names)('%s decodes to astropy’s pixels', (name) => {
    const [ref] = astropyRead([join(dir, name)]);
    const ours = decodeSpectrum(new Uint8Array(readFileSync(join(dir, name))), name);
    expectSamePixels(ours, ref!);
  });

  it('keeps NaN and ±Infinity as NaN gaps', () => {
    const s = decodeSpectrum(new Uint8Array(readFileSync(join(dir, 'spec-4055-55555-0321.fits'))), 'sdss');
    expect([10, 11, 12, 13].map((i) => Number.isNaN(s.flux[i]!))).toEqual([true, true, true, true]);
    expect(Number.isNaN(s.flux[14]!)).toBe(false);
  });

  it('reads the SDSS pipeline answer from SPALL and the plug position from the primary header', () => {
    const s = decodeSpectrum(new Uint8Array(readFileSync(join(dir, 'spec-4055-55555-0321.fits'))), 'sdss');
    expect(s.layout).toBe('sdss-spec');
    expect(s.meta).toMatchObject({ class: 'QSO', subclass: 'BROADLINE', lmjd: 55555, planid: '4055', fiberid: 321, ra: 150.25, dec: 2.5, obsid: null });
    expect(s.meta.z).toBeCloseTo(2.345, 6);
    expect(s.meta.snr).toEqual({ u: 1, g: 2, r: 3, i: 4, z: 5 });
  });

  it('applies BSCALE/BZERO and turns BLANK into NaN in an int16 image', () => {
    const s = decodeSpectrum(new Uint8Array(readFileSync(join(dir, 'lamost-image-i16.fits'))), 'i16');
    expect(Number.isNaN(s.flux[20]!)).toBe(true);
    expect(s.flux[21]! % 0.5).toBe(0); // BSCALE = 0.5 steps
  });
});
