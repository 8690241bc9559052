/** Real LAMOST files decode with the right layout, length, metadata and masks. */
import { describe, expect, it } from 'vitest';
import { FitsFile } from '../../../shared/fits/hdu';
import { gunzipIfNeeded } from '../../../shared/fits/gzip';
import { decodeSpectrum, FitsError } from '../../../shared/spectrum/decode';
import { fixtureBytes, fixturesPresent, LRS_FIXTURES, MRS_FIXTURE, SKIP_FIXTURES } from './fixtures';

describe.skipIf(!fixturesPresent)('real LAMOST files', () => {
  if (!fixturesPresent) console.warn(`skipped: ${SKIP_FIXTURES}`);

  it.each(LRS_FIXTURES)('$name decodes as $layout with $length pixels', ({ name, layout, length }) => {
    const s = decodeSpectrum(fixtureBytes(name), name);
    expect(s.layout).toBe(layout);
    for (const a of [s.flux, s.ivar, s.wavelength, s.andMask, s.orMask]) expect(a.length).toBe(length);
    expect(s.flux).toBeInstanceOf(Float32Array);
    expect(s.andMask).toBeInstanceOf(Int32Array);
    // LAMOST LRS covers 3700–9100 Å on a log-linear grid, in vacuum.
    expect(s.wavelength[0]).toBeCloseTo(3699.99, 1);
    expect(s.wavelength[length - 1]).toBeGreaterThan(9080);
    for (let i = 1; i < length; i++) expect(s.wavelength[i]! > s.wavelength[i - 1]!).toBe(true);
  });

  it('reads the metadata of a DR6 image file', () => {
    const s = decodeSpectrum(fixtureBytes('spec-57287-KP193637N444141V03_sp10-161.fits.gz'), 'x');
    expect(s.meta).toEqual({
      obsid: 359910161,
      designation: 'LAMOST J192814.09+435530.8',
      obsdate: '2015-09-21',
      lmjd: 57287,
      planid: 'KP193637N444141V03',
      spid: 10,
      fiberid: 161,
      ra: 292.05872,
      dec: 43.925228,
      class: 'STAR',
      subclass: 'F5',
      z: -0.00017162,
      zErr: 0.00002725,
      snr: { u: 25.39, g: 87.63, r: 128.48, i: 158.11, z: 119.56 },
      fibertype: 'Obj',
    });
  });

  it('reads the metadata of a DR10 COADD file', () => {
    const m = decodeSpectrum(fixtureBytes('3709013.fits'), '3709013.fits').meta;
    expect([m.obsid, m.lmjd, m.planid, m.spid, m.fiberid, m.class, m.subclass]).toEqual([3709013, 55877, 'B7708', 9, 13, 'STAR', 'G2']);
    expect(m.z).toBe(0.00015921);
    expect(m.snr.r).toBe(26.95);
    expect(m.fibertype).toBe('Obj'); // DR10 names the card FIB_TYPE
  });

  it('ignores stale NAXIS1/NAXIS2 cards of a DR10 primary with NAXIS = 0', () => {
    const fits = new FitsFile(fixtureBytes('3703110.fits'), '3703110.fits');
    const primary = fits.hdu(0)!;
    expect(primary.header.num('NAXIS1')).toBe(3909); // the stale card is there…
    expect(primary.axes).toEqual([]); // …and ignored
    expect(primary.dataLength).toBe(0);
    expect(fits.hdu(1)!.name).toBe('COADD');
  });

  it('turns the float (E) masks of DR10 into integer masks', () => {
    const fits = new FitsFile(fixtureBytes('3712166.fits'), 'f');
    const coadd = fits.find('COADD')!;
    expect(coadd.header.str('TFORM4')).toBe('3906E');
    const s = decodeSpectrum(fixtureBytes('3712166.fits'), 'f');
    expect(s.andMask).toBeInstanceOf(Int32Array);
    // This file has masked pixels: they show up as set bits with ivar = 0.
    const masked = [...s.orMask].filter((m) => m !== 0).length;
    expect(masked).toBeGreaterThan(0);
  });

  it('uses the stored wavelength row, not 10^(COEFF0 + i·COEFF1)', () => {
    const bytes = fixtureBytes('spec-58397-EG014118N254444M01_sp03-031.fits');
    const s = decodeSpectrum(bytes, 'f');
    const h = new FitsFile(bytes, 'f').hdu(0)!.header;
    const c0 = h.num('COEFF0')!;
    const c1 = h.num('COEFF1')!;
    const maxDiff = Math.max(...Array.from(s.wavelength, (w, i) => Math.abs(w - 10 ** (c0 + i * c1))));
    expect(maxDiff).toBeGreaterThan(1e-4); // the formula is off (COEFF0 is rounded)…
    expect(maxDiff).toBeLessThan(0.05); // …by about a thousandth of an Å, not by a wrong row
  });

  it('refuses an MRS file with a clear typed error', () => {
    let err: unknown;
    try {
      decodeSpectrum(fixtureBytes(MRS_FIXTURE), MRS_FIXTURE);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(FitsError);
    expect((err as FitsError).code).toBe('unsupported');
    expect((err as FitsError).message).toContain(MRS_FIXTURE);
    expect((err as FitsError).message).toContain('MRS COADD_B/COADD_R not supported yet');
  });

  it('gunzips the .gz fixture to whole FITS blocks', () => {
    const raw = gunzipIfNeeded(fixtureBytes('spec-57287-KP193637N444141V03_sp10-161.fits.gz'), 'f');
    expect(raw.length % 2880).toBe(0);
    expect(String.fromCharCode(...raw.subarray(0, 6))).toBe('SIMPLE');
  });
});
