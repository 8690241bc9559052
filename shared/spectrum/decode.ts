/**
 * decodeSpectrum: bytes of a spectrum file (plain or gzip) → Spectrum. Synchronous and pure,
 * so the renderer's Web Worker and Node call the same function. Layouts:
 *   lamost-image  primary image NAXIS2 = 5: flux, ivar, wavelength, andmask, ormask (DR ≤ 9)
 *   lamost-coadd  header-only primary + BINTABLE COADD, one row of array columns (DR10+)
 *   sdss-spec     BINTABLE COADD, one row per pixel, flux / loglam / ivar / and_mask / or_mask
 * Every failure is a FitsError naming the file and what was found.
 */
import { findColumn, openTable, readColumn, readString, type Table } from '../fits/bintable';
import { FitsError } from '../fits/errors';
import { gunzipIfNeeded, type Inflate } from '../fits/gzip';
import { FitsFile, type Hdu } from '../fits/hdu';
import { readImageRow } from '../fits/image';
import { lamostMeta, sdssMeta } from './meta';
import type { Spectrum, SpectrumMeta } from './types';

export type { Spectrum, SpectrumLayout, SpectrumMeta, SpectrumSnr } from './types';
export { transferList } from './types';
export { FitsError, type FitsErrorCode } from '../fits/errors';
export type { Inflate } from '../fits/gzip';

const IMAGE_ROWS = 5;

export interface DecodeOptions {
  /** A faster gzip inflater where the platform has one (Node: src-main/spectrum/node-decode). */
  inflate?: Inflate;
}

export function decodeSpectrum(bytes: Uint8Array, fileName = '(unnamed)', options: DecodeOptions = {}): Spectrum {
  const fits = new FitsFile(gunzipIfNeeded(bytes, fileName, options.inflate), fileName);
  const primary = fits.hdu(0)!;
  if (primary.axes.length === 2 && primary.axes[1] === IMAGE_ROWS && primary.axes[0]! > 0) {
    return decodeImage(fits, primary);
  }
  const coadd = fits.find('COADD');
  if (coadd) return decodeCoadd(fits, primary, coadd);
  if (fits.find('COADD_B') || fits.find('COADD_R')) {
    throw new FitsError('unsupported', fileName, 'MRS COADD_B/COADD_R not supported yet (a LAMOST medium-resolution file; only LRS and SDSS spectra can be read)');
  }
  throw new FitsError('not-a-spectrum', fileName, `no COADD extension and primary HDU is not a ${IMAGE_ROWS}-row image (found ${describe(fits)})`);
}

function decodeImage(fits: FitsFile, hdu: Hdu): Spectrum {
  return {
    layout: 'lamost-image',
    fileName: fits.file,
    meta: lamostMeta(hdu.header),
    flux: readImageRow(fits, hdu, 0, 'f32'),
    ivar: readImageRow(fits, hdu, 1, 'f32'),
    wavelength: readImageRow(fits, hdu, 2, 'f64'),
    andMask: readImageRow(fits, hdu, 3, 'i32'),
    orMask: readImageRow(fits, hdu, 4, 'i32'),
  };
}

function decodeCoadd(fits: FitsFile, primary: Hdu, hdu: Hdu): Spectrum {
  const table = openTable(fits, hdu);
  const col = (name: string, ...alt: string[]) => [name, ...alt].map((n) => findColumn(table, n)).find((c) => c) ?? null;
  const wave = col('WAVELENGTH');
  const loglam = wave ? null : col('LOGLAM');
  const fluxCol = col('FLUX');
  const ivarCol = col('IVAR');
  if (!fluxCol || !ivarCol || (!wave && !loglam)) {
    const names = table.columns.map((c) => c.name).join(', ') || 'none';
    throw new FitsError('not-a-spectrum', fits.file, `COADD table lacks FLUX, IVAR and WAVELENGTH or LOGLAM columns (has: ${names})`);
  }
  const flux = readColumn(table, fluxCol, 'f32');
  const n = flux.length;
  if (n === 0) throw new FitsError('not-a-spectrum', fits.file, `COADD table holds no pixels (NAXIS2 = ${table.rows}, FLUX ${fluxCol.repeat} per row)`);
  const sized = <T extends { length: number }>(a: T, name: string): T => {
    if (a.length !== n) throw new FitsError('not-a-spectrum', fits.file, `COADD column ${name} has ${a.length} values but FLUX has ${n}`);
    return a;
  };
  const wavelength = sized(wave ? readColumn(table, wave, 'f64') : pow10(readColumn(table, loglam!, 'f64')), wave ? 'WAVELENGTH' : 'LOGLAM');
  const ivar = sized(readColumn(table, ivarCol, 'f32'), 'IVAR');
  const andCol = col('ANDMASK', 'AND_MASK');
  const orCol = col('ORMASK', 'OR_MASK');
  // Masks are integers in meaning even where stored as floats (DR10 writes them as E).
  const andMask = andCol ? sized(readColumn(table, andCol, 'i32'), andCol.name) : new Int32Array(n);
  const orMask = orCol ? sized(readColumn(table, orCol, 'i32'), orCol.name) : new Int32Array(n);
  const meta = wave ? lamostMeta(primary.header) : withSpall(fits, sdssMeta(primary.header));
  return { layout: wave ? 'lamost-coadd' : 'sdss-spec', fileName: fits.file, meta, wavelength, flux, ivar, andMask, orMask };
}

/** SDSS keeps the pipeline's class and z in the SPALL table (one row), when present. */
function withSpall(fits: FitsFile, meta: SpectrumMeta): SpectrumMeta {
  const hdu = fits.find('SPALL');
  if (!hdu || hdu.kind !== 'bintable') return meta;
  const table = openTable(fits, hdu);
  if (table.rows < 1) return meta;
  const text = (name: string) => {
    const c = findColumn(table, name);
    return c?.type === 'A' ? readString(table, c, 0).trim() || null : null;
  };
  const first = (name: string) => firstValue(table, name);
  const sn = findColumn(table, 'SN_MEDIAN');
  const snr = sn && sn.repeat === 5 && sn.type !== 'A' ? Array.from(readColumn(table, sn, 'f64').subarray(0, 5), finiteOrNull) : null;
  return {
    ...meta,
    class: text('CLASS'),
    subclass: text('SUBCLASS'),
    z: first('Z'),
    zErr: first('Z_ERR'),
    snr: snr ? { u: snr[0]!, g: snr[1]!, r: snr[2]!, i: snr[3]!, z: snr[4]! } : meta.snr,
  };
}

function firstValue(table: Table, name: string): number | null {
  const c = findColumn(table, name);
  if (!c || c.type === 'A' || c.repeat < 1) return null;
  return finiteOrNull(readColumn(table, c, 'f64')[0]!);
}

function finiteOrNull(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

function pow10(loglam: Float64Array): Float64Array {
  for (let i = 0; i < loglam.length; i++) loglam[i] = 10 ** loglam[i]!;
  return loglam;
}

function describe(fits: FitsFile): string {
  const hdus = fits.all();
  const p = hdus[0]!;
  const image = p.axes.length === 0 ? 'NAXIS = 0' : `NAXIS = ${p.axes.join(' × ')}`;
  const ext = hdus.slice(1).map((h) => h.name ?? h.kind);
  return `primary ${image}${ext.length ? `; extensions: ${ext.join(', ')}` : '; no extensions'}`;
}
