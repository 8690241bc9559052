/** Files that are FITS but not a spectrum we know get a one-line reason naming what was found. */
import { describe, expect, it } from 'vitest';
import { writeFits } from '../../../shared/fits/writer';
import { decodeSpectrum, FitsError, transferList } from '../../../shared/spectrum/decode';

function failure(bytes: Uint8Array, name: string): FitsError {
  try {
    decodeSpectrum(bytes, name);
  } catch (err) {
    if (err instanceof FitsError) return err;
    throw err;
  }
  throw new Error(`${name} decoded`);
}

describe('not a spectrum', () => {
  it('says what it found in a plain image', () => {
    const err = failure(writeFits({ kind: 'image', axes: [100, 100], data: new Float32Array(10_000), cards: [] }), 'img.fits');
    expect(err.code).toBe('not-a-spectrum');
    expect(err.message).toBe('img.fits: no COADD extension and primary HDU is not a 5-row image (found primary NAXIS = 100 × 100; no extensions)');
  });

  it('names the extensions it found', () => {
    const err = failure(writeFits({ kind: 'image', cards: [] }, [{ kind: 'bintable', name: 'EVENTS', rows: 1, columns: [{ name: 'T', format: 'D', repeat: 1, data: [1] }] }]), 'ev.fits');
    expect(err.message).toBe('ev.fits: no COADD extension and primary HDU is not a 5-row image (found primary NAXIS = 0; extensions: EVENTS)');
  });

  it('lists the columns of a COADD table without flux or wavelength', () => {
    const err = failure(writeFits({ kind: 'image', cards: [] }, [{ kind: 'bintable', name: 'COADD', rows: 1, columns: [{ name: 'FLUX', format: 'E', repeat: 2, data: [1, 2] }] }]), 'c.fits');
    expect(err.message).toBe('c.fits: COADD table lacks FLUX, IVAR and WAVELENGTH or LOGLAM columns (has: FLUX)');
  });

  it('refuses COADD columns of different lengths', () => {
    const col = (name: string, n: number) => ({ name, format: 'E' as const, repeat: n, data: new Float32Array(n) });
    const bytes = writeFits({ kind: 'image', cards: [] }, [{ kind: 'bintable', name: 'COADD', rows: 1, columns: [col('FLUX', 4), col('IVAR', 4), col('WAVELENGTH', 3)] }]);
    expect(failure(bytes, 'd.fits').message).toBe('d.fits: COADD column WAVELENGTH has 3 values but FLUX has 4');
  });

  it('refuses a COADD table without pixels', () => {
    const col = (name: string) => ({ name, format: 'E' as const, repeat: 0, data: new Float32Array(0) });
    const bytes = writeFits({ kind: 'image', cards: [] }, [{ kind: 'bintable', name: 'COADD', rows: 1, columns: [col('FLUX'), col('IVAR'), col('WAVELENGTH')] }]);
    expect(failure(bytes, 'e.fits').message).toBe('e.fits: COADD table holds no pixels (NAXIS2 = 1, FLUX 0 per row)');
  });

  it('names the file and the start of what it holds when it is not FITS at all', () => {
    const err = failure(new TextEncoder().encode('<html>404 Not Found</html>'), 'x.fits.gz');
    expect(err.code).toBe('bad-header');
    expect(err.message).toBe('x.fits.gz: not a FITS file (expected SIMPLE = T at the start, found "<html>404 Not Fo")');
  });
});

describe('inputs as callers hand them over', () => {
  const n = 6;
  const rows = Float32Array.from({ length: 5 * n }, (_, i) => (i < 2 * n ? i + 0.5 : i < 3 * n ? 4000 + i : i % 3));
  const file = writeFits({ kind: 'image', axes: [n, 5], data: rows, cards: [['OBSID', 5]] });

  it('decodes bytes that start at an odd offset of their buffer (a pooled Node Buffer)', () => {
    const big = new Uint8Array(file.length + 3);
    big.set(file, 1);
    const shifted = decodeSpectrum(big.subarray(1, 1 + file.length), 'odd.fits');
    const aligned = decodeSpectrum(file, 'odd.fits');
    expect(shifted).toEqual(aligned);
    expect(Array.from(aligned.flux)).toEqual([0.5, 1.5, 2.5, 3.5, 4.5, 5.5]);
    expect(Array.from(aligned.andMask)).toEqual([0, 1, 2, 0, 1, 2]);
  });

  it('lists every buffer behind the arrays once, so a worker can transfer the spectrum', () => {
    const s = decodeSpectrum(file, 'f.fits');
    const buffers = transferList(s);
    const arrays = [s.wavelength, s.flux, s.ivar, s.andMask, s.orMask];
    expect(new Set(buffers).size).toBe(buffers.length);
    for (const a of arrays) expect(buffers).toContain(a.buffer);
    // Transferring really moves them: afterwards the arrays are detached and read as empty.
    const { port1, port2 } = new MessageChannel();
    port1.postMessage(s, buffers);
    port1.close();
    port2.close();
    for (const a of arrays) expect(a.length).toBe(0);
  });

  it('keeps the five arrays apart although they share one buffer', () => {
    const s = decodeSpectrum(file, 'f.fits');
    s.flux.fill(7);
    s.andMask.fill(-1);
    expect(Array.from(s.ivar)).not.toContain(7);
    expect(Array.from(s.orMask)).not.toContain(-1);
    expect(Array.from(s.wavelength).every((w) => w > 0)).toBe(true);
  });
});
