/**
 * BINTABLE extensions (FITS 4.0 §7.3): column layout from TFORMn, numeric columns read into
 * float arrays with TSCALn/TZEROn applied and TNULLn → NaN for integer columns. A column of
 * repeat r in a table of n rows reads as n·r values, row by row — which covers both LAMOST's
 * one-row COADD (n = 1, r = 3909) and SDSS's one-row-per-pixel COADD (n = 3909, r = 1).
 */
import { FitsError } from './fitsError';
import type { FitsFile, Hdu } from './hdu';
import { allocate, readers, readInto, type ElementReader, type OutputType, type Scaling } from './values';

export type ColumnType = 'L' | 'X' | 'B' | 'I' | 'J' | 'K' | 'A' | 'E' | 'D' | 'C' | 'M' | 'P' | 'Q';

export interface Column {
  /** 1-based, as in TTYPEn. */
  number: number;
  name: string;
  type: ColumnType;
  repeat: number;
  /** Byte offset of the column within a row. */
  offset: number;
  /** Bytes the column takes in a row. */
  width: number;
  scaling: Scaling;
}

export interface Table {
  fits: FitsFile;
  hdu: Hdu;
  rowBytes: number;
  rows: number;
  columns: readonly Column[];
}

const ELEMENT_BYTES: Record<ColumnType, number> = { L: 1, X: 0, B: 1, I: 2, J: 4, K: 8, A: 1, E: 4, D: 8, C: 8, M: 16, P: 8, Q: 16 };
const MAX_FIELDS = 999;
// Not String.fromCharCode.apply: a 100 kB text column would overflow the call stack.
const LATIN1 = new TextDecoder('latin1');

const logical: ElementReader = (v, o) => {
  const b = v.getUint8(o);
  return b === 0x54 ? 1 : b === 0x46 ? 0 : NaN;
};

const NUMERIC_READERS: Partial<Record<ColumnType, ElementReader>> = {
  L: logical,
  B: readers.u8,
  I: readers.i16,
  J: readers.i32,
  K: readers.i64,
  E: readers.f32,
  D: readers.f64,
};

export function openTable(fits: FitsFile, hdu: Hdu): Table {
  const label = `HDU ${hdu.index}${hdu.name ? ` (${hdu.name})` : ''}`;
  const bad = (detail: string) => new FitsError('bad-header', fits.file, `${label}: ${detail}`);
  if (hdu.kind !== 'bintable') throw bad('is not a BINTABLE extension');
  if (hdu.axes.length !== 2 || hdu.bitpix !== 8) throw bad(`a binary table needs BITPIX = 8 and NAXIS = 2, found ${hdu.bitpix} and ${hdu.axes.length}`);
  const [rowBytes, rows] = hdu.axes as [number, number];
  const h = hdu.header;
  const fields = h.num('TFIELDS');
  if (fields === null || !Number.isInteger(fields) || fields < 0 || fields > MAX_FIELDS) {
    throw bad(`TFIELDS = ${String(h.get('TFIELDS'))} is not a whole number in 0…${MAX_FIELDS}`);
  }
  const columns: Column[] = [];
  let offset = 0;
  for (let n = 1; n <= fields; n++) {
    const tform = h.str(`TFORM${n}`);
    const m = tform === null ? null : /^\s*(\d*)([LXBIJKAEDCMPQ])/.exec(tform);
    if (!m) throw bad(`TFORM${n} = ${tform === null ? '(missing)' : `'${tform}'`} is not a binary-table format such as 3909E`);
    const type = m[2] as ColumnType;
    const repeat = m[1] === '' ? 1 : Number(m[1]);
    const width = type === 'X' ? Math.ceil(repeat / 8) : repeat * ELEMENT_BYTES[type];
    if (offset + width > rowBytes) throw bad(`columns up to TFORM${n} = '${tform}' need more than the ${rowBytes} bytes per row (NAXIS1)`);
    const isInt = type === 'B' || type === 'I' || type === 'J' || type === 'K';
    columns.push({
      number: n,
      name: (h.str(`TTYPE${n}`) ?? `COL${n}`).trim(),
      type,
      repeat,
      offset,
      width,
      scaling: { scale: h.num(`TSCAL${n}`) ?? 1, zero: h.num(`TZERO${n}`) ?? 0, blank: isInt ? h.num(`TNULL${n}`) : null },
    });
    offset += width;
  }
  return { fits, hdu, rowBytes, rows, columns };
}

/** The column named `name` (case-insensitive, as FITS column names are), or null. */
export function findColumn(table: Table, name: string): Column | null {
  const want = name.toUpperCase();
  return table.columns.find((c) => c.name.toUpperCase() === want) ?? null;
}

/** All rows × repeat values of a numeric column (L B I J K E D), row by row, in a new array. */
export function readColumn(table: Table, col: Column, type: 'f32'): Float32Array;
export function readColumn(table: Table, col: Column, type: 'f64'): Float64Array;
/** Integer values (masks), whatever the column type: NaN → 0, truncated to 32 bits. */
export function readColumn(table: Table, col: Column, type: 'i32'): Int32Array;
export function readColumn(table: Table, col: Column, type: OutputType): Float32Array | Float64Array | Int32Array {
  numericReader(table, col); // before allocating: an X column's rows·repeat counts bits, not bytes
  // rows·repeat ≤ data bytes / element size: bounded by the HDU size check, so this is safe.
  const out = allocate(type, columnLength(table, col));
  readColumnInto(table, col, out);
  return out;
}

/** How many values readColumn returns: rows × repeat. */
export function columnLength(table: Table, col: Column): number {
  return col.repeat === 0 ? 0 : table.rows * col.repeat;
}

/** readColumn into an array the caller owns, which must hold columnLength values. */
/**
 * The element reader of a numeric column; throws for any other type. Call it before sizing an
 * output from columnLength: for a bit (X) column that length counts bits, up to 8 per byte.
 */
export function numericReader(table: Table, col: Column): ElementReader {
  const read = NUMERIC_READERS[col.type];
  if (!read) {
    throw new FitsError('unsupported', table.fits.file, `column ${col.name} has type ${col.type}, which is not a numeric type this reader handles (L B I J K E D)`);
  }
  return read;
}

export function readColumnInto(table: Table, col: Column, out: Float32Array | Float64Array | Int32Array): void {
  const read = numericReader(table, col);
  const n = columnLength(table, col);
  if (out.length !== n) throw new RangeError(`readColumnInto: output holds ${out.length} values, column ${col.name} ${n}`);
  if (n === 0) return; // a zero-width column in a table of 10^9 zero-byte rows must not loop 10^9 times
  const view = new DataView(table.fits.bytes.buffer, table.fits.bytes.byteOffset, table.fits.bytes.byteLength);
  const size = ELEMENT_BYTES[col.type];
  const first = table.hdu.dataOffset + col.offset;
  if (col.repeat === 1) {
    // One value per row (SDSS): a single strided pass instead of a call per row.
    readInto(out, view, first, table.rows, table.rowBytes, read, col.scaling);
    return;
  }
  for (let r = 0; r < table.rows; r++) {
    readInto(out, view, first + r * table.rowBytes, col.repeat, size, read, col.scaling, r * col.repeat);
  }
}

/** The text of an A column in one row, trailing blanks and NULs removed. */
export function readString(table: Table, col: Column, row: number): string {
  if (col.type !== 'A') throw new FitsError('unsupported', table.fits.file, `column ${col.name} has type ${col.type}, not A (text)`);
  if (row < 0 || row >= table.rows) throw new FitsError('not-a-spectrum', table.fits.file, `table has no row ${row + 1}`);
  const at = table.hdu.dataOffset + row * table.rowBytes + col.offset;
  let end = at + col.repeat;
  const bytes = table.fits.bytes;
  for (let i = at; i < end; i++) {
    if (bytes[i] === 0) {
      end = i;
      break;
    }
  }
  return LATIN1.decode(bytes.subarray(at, end)).trimEnd();
}
