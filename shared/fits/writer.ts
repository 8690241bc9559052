/**
 * A FITS writer for the few shapes the synthetic survey needs: a primary image (or a
 * header-only primary) and BINTABLE extensions of numeric and text columns. The output
 * follows FITS 4.0 fixed format, so fitsverify accepts it.
 */
import { BLOCK } from './header';

/** A real number written with a decimal point even when it is whole (e.g. RA = 292.0). */
export interface Real {
  real: number;
}

export type WriteValue = string | number | boolean | Real;

/** [keyword, value, comment]; a COMMENT card is ['COMMENT', text]. */
export type Card = readonly [key: string, value: WriteValue, comment?: string];

export type ImageData = Float32Array | Float64Array | Int16Array | Int32Array | Uint8Array;

export interface ImageHduSpec {
  kind: 'image';
  cards: readonly Card[];
  /** Omit data (and axes) for a header-only primary. */
  data?: ImageData;
  axes?: readonly number[];
}

export interface ColumnSpec {
  name: string;
  /** E float32, D float64, J int32, I int16, B uint8, A text of `repeat` chars. */
  format: 'E' | 'D' | 'J' | 'I' | 'B' | 'A';
  /** Elements per row (characters for A). */
  repeat: number;
  /** rows × repeat values, row by row; for A, one string per row. */
  data: ArrayLike<number> | readonly string[];
  unit?: string;
}

export interface TableHduSpec {
  kind: 'bintable';
  name: string;
  rows: number;
  columns: readonly ColumnSpec[];
  cards?: readonly Card[];
}

export type HduSpec = ImageHduSpec | TableHduSpec;

const CARD = 80;
const BYTES: Record<ColumnSpec['format'], number> = { E: 4, D: 8, J: 4, I: 2, B: 1, A: 1 };

export function writeFits(primary: ImageHduSpec, extensions: readonly TableHduSpec[] = []): Uint8Array {
  const parts = [imageHdu(primary, extensions.length > 0), ...extensions.map(tableHdu)];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function imageHdu(spec: ImageHduSpec, extend: boolean): Uint8Array {
  const data = spec.data;
  const axes = data ? (spec.axes ?? [data.length]) : [];
  const bitpix = !data ? 8 : data instanceof Float32Array ? -32 : data instanceof Float64Array ? -64 : data instanceof Int16Array ? 16 : data instanceof Int32Array ? 32 : 8;
  const cards: Card[] = [
    ['SIMPLE', true, 'conforms to FITS standard'],
    ['BITPIX', bitpix, 'array data type'],
    ['NAXIS', axes.length, 'number of array dimensions'],
    ...axes.map((a, i): Card => [`NAXIS${i + 1}`, a]),
    ...(extend ? [['EXTEND', true] as Card] : []),
    ...spec.cards,
  ];
  const size = data ? (data.length * Math.abs(bitpix)) / 8 : 0;
  return hdu(cards, size, (out, at) => {
    if (data) out.set(bigEndian(data), at);
  });
}

function tableHdu(spec: TableHduSpec): Uint8Array {
  const widths = spec.columns.map((c) => c.repeat * BYTES[c.format]);
  const rowBytes = widths.reduce((a, b) => a + b, 0);
  const cards: Card[] = [
    ['XTENSION', 'BINTABLE', 'binary table extension'],
    ['BITPIX', 8, '8-bit bytes'],
    ['NAXIS', 2, '2-dimensional binary table'],
    ['NAXIS1', rowBytes, 'width of table in bytes'],
    ['NAXIS2', spec.rows, 'number of rows in table'],
    ['PCOUNT', 0, 'size of special data area'],
    ['GCOUNT', 1, 'one data group (required keyword)'],
    ['TFIELDS', spec.columns.length, 'number of fields in each row'],
    ['EXTNAME', spec.name, 'name of this binary table extension'],
  ];
  spec.columns.forEach((c, i) => {
    cards.push([`TTYPE${i + 1}`, c.name], [`TFORM${i + 1}`, `${c.repeat}${c.format}`]);
    if (c.unit) cards.push([`TUNIT${i + 1}`, c.unit]);
  });
  cards.push(...(spec.cards ?? []));
  return hdu(cards, rowBytes * spec.rows, (out, at) => {
    let colAt = 0;
    spec.columns.forEach((c, k) => {
      const width = widths[k]!;
      const bytes = c.format === 'A' ? textBytes(c.data as readonly string[], c.repeat, spec.rows) : bigEndian(typed(c.format, c.data as ArrayLike<number>));
      for (let r = 0; r < spec.rows; r++) out.set(bytes.subarray(r * width, (r + 1) * width), at + r * rowBytes + colAt);
      colAt += width;
    });
  });
}

function typed(format: Exclude<ColumnSpec['format'], 'A'>, values: ArrayLike<number>): ImageData {
  const make = { E: Float32Array, D: Float64Array, J: Int32Array, I: Int16Array, B: Uint8Array }[format];
  return values instanceof make ? values : make.from(values);
}

/** Fixed-width ASCII fields, blank-padded. */
function textBytes(values: readonly string[], width: number, rows: number): Uint8Array {
  const out = new Uint8Array(width * rows).fill(0x20);
  for (let r = 0; r < rows; r++) {
    const s = values[r] ?? '';
    for (let j = 0; j < Math.min(width, s.length); j++) out[r * width + j] = s.charCodeAt(j) & 0x7f;
  }
  return out;
}

/** The array's bytes in FITS (big-endian) order, as a new buffer. */
function bigEndian(data: ImageData): Uint8Array {
  const bytes = new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
  const w = data.BYTES_PER_ELEMENT;
  if (w === 1 || !LITTLE_ENDIAN) return bytes;
  for (let i = 0; i < bytes.length; i += w) {
    for (let a = i, b = i + w - 1; a < b; a++, b--) {
      const t = bytes[a]!;
      bytes[a] = bytes[b]!;
      bytes[b] = t;
    }
  }
  return bytes;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function hdu(cards: readonly Card[], dataBytes: number, fill: (out: Uint8Array, at: number) => void): Uint8Array {
  const text = [...cards.map(formatCard), 'END'.padEnd(CARD)].join('');
  const headerBytes = Math.ceil(text.length / BLOCK) * BLOCK;
  const out = new Uint8Array(headerBytes + Math.ceil(dataBytes / BLOCK) * BLOCK);
  out.fill(0x20, 0, headerBytes);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  fill(out, headerBytes);
  return out;
}

/** One 80-column card in fixed format (FITS 4.0 §4.2). */
export function formatCard([key, value, comment]: Card): string {
  if (key === 'COMMENT' || key === 'HISTORY') return `${key.padEnd(8)}${ascii(String(value))}`.slice(0, CARD).padEnd(CARD);
  let v: string;
  if (typeof value === 'string') v = `'${ascii(value).replace(/'/g, "''").padEnd(8)}'`.padEnd(20);
  else if (typeof value === 'boolean') v = (value ? 'T' : 'F').padStart(20);
  else if (typeof value === 'number') v = formatNumber(value, Number.isInteger(value)).padStart(20);
  else v = formatNumber(value.real, false).padStart(20);
  const card = `${key.padEnd(8)}= ${v}${comment ? ` / ${ascii(comment)}` : ''}`;
  return card.slice(0, CARD).padEnd(CARD);
}

function formatNumber(x: number, integer: boolean): string {
  if (!Number.isFinite(x)) throw new Error(`cannot write ${x} in a FITS header`);
  if (integer) return String(x);
  let s = String(x);
  if (s.length > 20) s = x.toPrecision(12).replace(/\.?0+(e|$)/, '$1');
  s = s.toUpperCase();
  // A real must read as a real: give it a decimal point ("292" → "292.0", "1E-7" → "1.0E-7").
  if (!s.includes('.')) s = s.includes('E') ? s.replace('E', '.0E') : `${s}.0`;
  return s;
}

function ascii(s: string): string {
  return s.replace(/[^\x20-\x7e]/g, '?');
}
