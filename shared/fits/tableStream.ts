/**
 * A BINTABLE written row by row, for tables too large to hold (the exported catalogue): the
 * header is written first with a row count that is rewritten in place once the rows are all
 * out — its card keeps its width, so the header's size does not change — and each row is
 * encoded into a fixed-size buffer. Output follows FITS 4.0, as writer.ts does.
 */
import { BLOCK } from './header';
import { formatCard, type Card } from './writer';

export interface StreamColumn {
  name: string;
  /** K int64, D float64, J int32, I int16, A text of `width` characters. */
  format: 'K' | 'D' | 'J' | 'I' | 'A';
  /** Characters, for A. */
  width?: number;
  unit?: string;
  /** What the column holds, written as the TTYPEn card's comment. */
  comment: string;
}

export type StreamValue = number | string | null;

const BYTES = { K: 8, D: 8, J: 4, I: 2, A: 1 } as const;

export const columnBytes = (c: StreamColumn) => BYTES[c.format] * (c.format === 'A' ? (c.width ?? 1) : 1);

/** A primary header with no data, announcing extensions. */
export function emptyPrimary(cards: readonly Card[] = []): Uint8Array {
  return headerBytes([['SIMPLE', true, 'conforms to FITS standard'], ['BITPIX', 8, 'array data type'], ['NAXIS', 0, 'no data'], ['EXTEND', true], ...cards]);
}

/** The table's header for `rows` rows; the same size whatever `rows` is. */
export function tableHeader(name: string, columns: readonly StreamColumn[], rows: number, cards: readonly Card[] = []): Uint8Array {
  const all: Card[] = [
    ['XTENSION', 'BINTABLE', 'binary table extension'],
    ['BITPIX', 8, '8-bit bytes'],
    ['NAXIS', 2, '2-dimensional binary table'],
    ['NAXIS1', columns.reduce((n, c) => n + columnBytes(c), 0), 'width of table in bytes'],
    ['NAXIS2', rows, 'number of rows in table'],
    ['PCOUNT', 0, 'size of special data area'],
    ['GCOUNT', 1, 'one data group (required keyword)'],
    ['TFIELDS', columns.length, 'number of fields in each row'],
    ['EXTNAME', name, 'name of this binary table extension'],
  ];
  columns.forEach((c, i) => {
    all.push([`TTYPE${i + 1}`, c.name, c.comment], [`TFORM${i + 1}`, `${c.format === 'A' ? (c.width ?? 1) : 1}${c.format}`]);
    if (c.unit) all.push([`TUNIT${i + 1}`, c.unit]);
  });
  return headerBytes([...all, ...cards]);
}

function headerBytes(cards: readonly Card[]): Uint8Array {
  const text = [...cards.map(formatCard), 'END'.padEnd(80)].join('');
  const out = new Uint8Array(Math.ceil(text.length / BLOCK) * BLOCK).fill(0x20);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

/**
 * Encodes one row (big-endian numbers, blank-padded ASCII). A null number is NaN for D and
 * refused for integers; text that is not printable ASCII or longer than its column is refused
 * (RangeError naming the column), never cut.
 */
export function encodeRow(columns: readonly StreamColumn[], values: readonly StreamValue[], out: Uint8Array): void {
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  let at = 0;
  columns.forEach((c, i) => {
    const v = values[i] ?? null;
    if (c.format === 'A') {
      const s = v === null ? '' : String(v);
      const width = c.width ?? 1;
      if (s.length > width) throw new RangeError(`${c.name} "${s.slice(0, 40)}…" has ${s.length} characters; the FITS column holds ${width}`);
      if (/[^\x20-\x7e]/.test(s)) throw new RangeError(`${c.name} "${s.slice(0, 40)}" is not plain ASCII, which a FITS text column requires`);
      for (let j = 0; j < width; j++) out[at + j] = j < s.length ? s.charCodeAt(j) : 0x20;
    } else if (c.format === 'D') view.setFloat64(at, v === null ? NaN : Number(v));
    else if (v === null) throw new RangeError(`${c.name} has no value, and a FITS integer column has no null`);
    else if (c.format === 'K') view.setBigInt64(at, BigInt(v));
    else if (c.format === 'J') view.setInt32(at, Number(v));
    else view.setInt16(at, Number(v));
    at += columnBytes(c);
  });
}

/** Zero bytes that complete the data to whole 2880-byte blocks. */
export const dataPadding = (dataBytes: number) => (BLOCK - (dataBytes % BLOCK)) % BLOCK;
