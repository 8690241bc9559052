/**
 * decodeSpectrum: bytes of a spectrum file (plain or gzip) → Spectrum. Synchronous and pure,
 * so the renderer's Web Worker and Node call the same function. Layouts:
 *   lamost-image  primary image NAXIS2 = 5: flux, ivar, wavelength, andmask, ormask (DR ≤ 9)
 *   lamost-coadd  header-only primary + BINTABLE COADD, one row of array columns (DR10+)
 *   sdss-spec     BINTABLE COADD, one row per pixel, flux / loglam / ivar / and_mask / or_mask
 * Every failure is a FitsError naming the file and what was found.
 */
import { columnLength, findColumn, numericReader, openTable, readColumn, readColumnInto, readString, type Column, type Table } from '../fits/bintable';
import { FitsError } from '../fits/fitsError';
import { gunzipIfNeeded, type Inflate } from '../fits/gzip';
import { FitsFile, type Hdu } from '../fits/hdu';
import { readImageRowInto } from '../fits/image';
import { allocSpectrumArrays } from './arrays';
import { lamostMeta, sdssMeta } from './meta';
import type { Spectrum, SpectrumMeta } from './types';

export type { Spectrum, SpectrumLayout, SpectrumMeta, SpectrumSnr } from './types';
export { transferList } from './types';
export { FitsError, type FitsErrorCode } from '../fits/fitsError';
export type { Inflate } from '../fits/gzip';

const IMAGE_ROWS = 5;

export interface DecodeOptions {
  /** A faster gzip inflater where the platform has one (Node: src-main/spectrum/nodeDecode.ts). */
  inflate?: Inflate;
}

export function decodeSpectrum(bytes: Uint8Array, fileName = '(unnamed)', options: DecodeOptions = {}): Spectrum {
  const fits = new FitsFile(gunzipIfNeeded(bytes, fileName, options.inflate), fileName);
  const primary = fits.hdu(0)!;
  if (isLamostImage(primary)) return decodeImage(fits, primary);
  const coadd = fits.find('COADD');
  if (coadd) return decodeCoadd(fits, primary, coadd);
  if (fits.find('COADD_B') || fits.find('COADD_R')) {
    throw new FitsError('unsupported', fileName, 'MRS COADD_B/COADD_R not supported yet (a LAMOST medium-resolution file; only LRS and SDSS spectra can be read)');
  }
  throw new FitsError('not-a-spectrum', fileName, `no COADD extension and primary HDU is not a ${IMAGE_ROWS}-row image (found ${describe(fits)})`);
}

function decodeImage(fits: FitsFile, hdu: Hdu): Spectrum {
  const arrays = allocSpectrumArrays(hdu.axes[0]!);
  readImageRowInto(fits, hdu, 0, arrays.flux);
  readImageRowInto(fits, hdu, 1, arrays.ivar);
  readImageRowInto(fits, hdu, 2, arrays.wavelength);
  readImageRowInto(fits, hdu, 3, arrays.andMask);
  readImageRowInto(fits, hdu, 4, arrays.orMask);
  return { layout: 'lamost-image', fileName: fits.file, meta: lamostMeta(hdu.header), ...arrays };
}

/** The columns a COADD table is read from, every type and length already checked. */
export interface CoaddPlan {
  table: Table;
  n: number;
  flux: Column;
  ivar: Column;
  /** WAVELENGTH (LAMOST) or, when absent, LOGLAM (SDSS). */
  wave: Column | null;
  loglam: Column | null;
  and: Column | null;
  or: Column | null;
}

/** A LAMOST DR ≤ 9 file: the primary image holds the five rows. */
export function isLamostImage(primary: Hdu): boolean {
  return primary.axes.length === 2 && primary.axes[1] === IMAGE_ROWS && primary.axes[0]! > 0;
}

/**
 * Finds and checks a COADD table's columns without reading a value; throws FitsError for a
 * table that cannot be read. The file store's verification uses it too (src-main/files/verify.ts).
 */
export function planCoadd(fits: FitsFile, hdu: Hdu): CoaddPlan {
  const table = openTable(fits, hdu);
  const col = (name: string, ...alt: string[]) => [name, ...alt].map((n) => findColumn(table, n)).find((c) => c) ?? null;
  const wave = col('WAVELENGTH');
  const loglam = wave ? null : col('LOGLAM');
  const flux = col('FLUX');
  const ivar = col('IVAR');
  if (!flux || !ivar || (!wave && !loglam)) {
    const names = table.columns.map((c) => c.name).join(', ') || 'none';
    throw new FitsError('not-a-spectrum', fits.file, `COADD table lacks FLUX, IVAR and WAVELENGTH or LOGLAM columns (has: ${names})`);
  }
  const n = columnLength(table, flux);
  if (n === 0) throw new FitsError('not-a-spectrum', fits.file, `COADD table holds no pixels (NAXIS2 = ${table.rows}, FLUX ${flux.repeat} per row)`);
  const and = col('ANDMASK', 'AND_MASK');
  const or = col('ORMASK', 'OR_MASK');
  // Every type and length is checked before the one allocation for all five arrays.
  for (const c of [flux, wave ?? loglam!, ivar, and, or]) {
    if (!c) continue;
    numericReader(table, c);
    if (columnLength(table, c) !== n) {
      throw new FitsError('not-a-spectrum', fits.file, `COADD column ${c.name} has ${columnLength(table, c)} values but FLUX has ${n}`);
    }
  }
  return { table, n, flux, ivar, wave, loglam, and, or };
}

function decodeCoadd(fits: FitsFile, primary: Hdu, hdu: Hdu): Spectrum {
  const { table, n, flux: fluxCol, ivar: ivarCol, wave, loglam, and: andCol, or: orCol } = planCoadd(fits, hdu);
  const arrays = allocSpectrumArrays(n);
  readColumnInto(table, fluxCol, arrays.flux);
  readColumnInto(table, ivarCol, arrays.ivar);
  readColumnInto(table, wave ?? loglam!, arrays.wavelength);
  if (!wave) pow10(arrays.wavelength);
  // Masks are integers in meaning even where stored as floats (DR10 writes them as E); a
  // missing mask stays all zeros.
  if (andCol) readColumnInto(table, andCol, arrays.andMask);
  if (orCol) readColumnInto(table, orCol, arrays.orMask);
  const meta = wave ? lamostMeta(primary.header) : withAnswerTable(fits, sdssMeta(primary.header));
  return { layout: wave ? 'lamost-coadd' : 'sdss-spec', fileName: fits.file, meta, ...arrays };
}

/**
 * SDSS keeps the pipeline's class and z in a one-row table after COADD, named by data release:
 * SPALL in newer ones, SPECOBJ in older ones (same columns).
 */
const SDSS_ANSWER_TABLES = ['SPALL', 'SPECOBJ'] as const;

function withAnswerTable(fits: FitsFile, meta: SpectrumMeta): SpectrumMeta {
  const hdu = SDSS_ANSWER_TABLES.map((name) => fits.find(name)).find((h) => h !== null);
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

function pow10(loglam: Float64Array): void {
  for (let i = 0; i < loglam.length; i++) loglam[i] = 10 ** loglam[i]!;
}

function describe(fits: FitsFile): string {
  const hdus = fits.all();
  const p = hdus[0]!;
  const image = p.axes.length === 0 ? 'NAXIS = 0' : `NAXIS = ${p.axes.join(' × ')}`;
  const ext = hdus.slice(1).map((h) => h.name ?? h.kind);
  return `primary ${image}${ext.length ? `; extensions: ${ext.join(', ')}` : '; no extensions'}`;
}
