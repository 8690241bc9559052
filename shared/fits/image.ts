/** Rows of a primary or IMAGE-extension array, scaled by BSCALE/BZERO, BLANK → NaN. */
import { FitsError } from './fitsError';
import type { FitsFile, Hdu } from './hdu';
import { allocate, readers, readInto, type ElementReader, type OutputType, type Scaling } from './values';

const BY_BITPIX: Record<number, ElementReader> = {
  8: readers.u8,
  16: readers.i16,
  32: readers.i32,
  64: readers.i64,
  [-32]: readers.f32,
  [-64]: readers.f64,
};

/** Reads row `row` (0-based, along NAXIS2) of a 2-D image into a new array of NAXIS1 elements. */
export function readImageRow(fits: FitsFile, hdu: Hdu, row: number, type: 'f32'): Float32Array;
export function readImageRow(fits: FitsFile, hdu: Hdu, row: number, type: 'f64'): Float64Array;
/** Integer rows (masks), whatever BITPIX: NaN → 0, values truncated to 32 bits. */
export function readImageRow(fits: FitsFile, hdu: Hdu, row: number, type: 'i32'): Int32Array;
export function readImageRow(fits: FitsFile, hdu: Hdu, row: number, type: OutputType): Float32Array | Float64Array | Int32Array {
  const out = allocate(type, hdu.axes[0] ?? 0);
  readImageRowInto(fits, hdu, row, out);
  return out;
}

/** readImageRow into an array the caller owns, which must hold NAXIS1 elements. */
export function readImageRowInto(fits: FitsFile, hdu: Hdu, row: number, out: Float32Array | Float64Array | Int32Array): void {
  const width = hdu.axes[0] ?? 0;
  const height = hdu.axes[1] ?? 1;
  if (hdu.axes.length < 1 || row < 0 || row >= height) {
    throw new FitsError('not-a-spectrum', fits.file, `HDU ${hdu.index} has no row ${row + 1} (NAXIS = ${hdu.axes.join(' × ') || 0})`);
  }
  if (out.length !== width) throw new RangeError(`readImageRowInto: output holds ${out.length} values, the row ${width}`);
  const size = Math.abs(hdu.bitpix) / 8;
  const view = new DataView(fits.bytes.buffer, fits.bytes.byteOffset, fits.bytes.byteLength);
  const h = hdu.header;
  const isInt = hdu.bitpix > 0;
  const s: Scaling = { scale: h.num('BSCALE') ?? 1, zero: h.num('BZERO') ?? 0, blank: isInt ? h.num('BLANK') : null };
  readInto(out, view, hdu.dataOffset + row * width * size, width, size, BY_BITPIX[hdu.bitpix]!, s);
}
