/**
 * Walks the HDUs of a FITS file in memory. Every size taken from a header is checked
 * against the bytes actually present before anything is read or allocated, so a card such
 * as NAXIS1 = 999999999 ends in a FitsError, never in a giant allocation.
 */
import { FitsError } from './fitsError';
import { BLOCK, parseHeader, type Header } from './header';

export type HduKind = 'primary' | 'image' | 'bintable' | 'table' | 'other';

export interface Hdu {
  index: number;
  kind: HduKind;
  /** EXTNAME with blanks trimmed, or null. */
  name: string | null;
  header: Header;
  bitpix: number;
  /** NAXIS1…NAXISn; empty when NAXIS = 0 (stale NAXISn cards are then ignored). */
  axes: readonly number[];
  pcount: number;
  gcount: number;
  dataOffset: number;
  /** Data bytes without the final padding. */
  dataLength: number;
}

const BITPIX_VALUES = new Set([8, 16, 32, 64, -32, -64]);
const MAX_NAXIS = 999;

export class FitsFile {
  private readonly hdus: Hdu[] = [];
  private nextOffset = 0;
  private done = false;

  constructor(
    readonly bytes: Uint8Array,
    readonly file: string,
  ) {
    if (!startsWith(bytes, 0, 'SIMPLE  =')) {
      const found = bytes.length === 0 ? 'an empty file' : `"${printable(bytes.subarray(0, 16))}"`;
      throw new FitsError('bad-header', file, `not a FITS file (expected SIMPLE = T at the start, found ${found})`);
    }
  }

  /** The HDU at `index` (0 = primary), or null when the file has fewer. */
  hdu(index: number): Hdu | null {
    while (this.hdus.length <= index && this.readNext());
    return this.hdus[index] ?? null;
  }

  /** The first extension whose EXTNAME equals `name` (case-insensitive), or null. */
  find(name: string): Hdu | null {
    const want = name.toUpperCase();
    for (let i = 1; ; i++) {
      const h = this.hdu(i);
      if (!h) return null;
      if (h.name?.toUpperCase() === want) return h;
    }
  }

  all(): readonly Hdu[] {
    while (this.readNext());
    return this.hdus;
  }

  private readNext(): boolean {
    if (this.done) return false;
    const offset = this.nextOffset;
    const index = this.hdus.length;
    // Anything after the last HDU that is not an extension header (zero padding, junk) ends the walk.
    if (index > 0 && (offset + BLOCK > this.bytes.length || !startsWith(this.bytes, offset, 'XTENSION='))) {
      this.done = true;
      return false;
    }
    const hdu = this.describe(index, offset);
    this.hdus.push(hdu);
    this.nextOffset = hdu.dataOffset + Math.ceil(hdu.dataLength / BLOCK) * BLOCK;
    return true;
  }

  private describe(index: number, offset: number): Hdu {
    const header = parseHeader(this.bytes, offset, this.file);
    const label = index === 0 ? 'primary HDU' : `HDU ${index}`;
    const bitpix = this.integer(header, 'BITPIX', label);
    if (!BITPIX_VALUES.has(bitpix)) throw this.bad(`${label} has BITPIX = ${bitpix}, not one of 8, 16, 32, 64, -32, -64`);
    const naxis = this.integer(header, 'NAXIS', label);
    if (naxis < 0 || naxis > MAX_NAXIS) throw this.bad(`${label} has NAXIS = ${naxis}, outside 0…${MAX_NAXIS}`);
    const dataOffset = offset + header.byteLength;
    const available = this.bytes.length - dataOffset;
    const axes: number[] = [];
    for (let i = 1; i <= naxis; i++) axes.push(this.integer(header, `NAXIS${i}`, label));
    const xtension = index === 0 ? null : header.str('XTENSION');
    const pcount = index === 0 ? 0 : (header.num('PCOUNT') ?? 0);
    const gcount = index === 0 ? 1 : (header.num('GCOUNT') ?? 1);
    for (const [k, v] of [['PCOUNT', pcount], ['GCOUNT', gcount]] as const) {
      if (!Number.isInteger(v) || v < 0) throw this.bad(`${label} has ${k} = ${v}, not a whole number ≥ 0`);
    }
    // Multiply step by step and stop as soon as the product exceeds the file: no overflow, no allocation.
    let elements = naxis === 0 ? 0 : 1;
    for (const a of axes) {
      if (a < 0) throw this.bad(`${label} has a negative axis length ${a}`);
      elements *= a;
      if (elements > available) break;
    }
    const dataLength = naxis === 0 ? 0 : (Math.abs(bitpix) / 8) * gcount * (pcount + elements);
    if (dataLength > available) {
      const name = header.str('EXTNAME');
      throw new FitsError(
        'truncated',
        this.file,
        `${label}${name ? ` (${name})` : ''} describes ${dataLength > 1e15 ? 'more than 10^15' : dataLength} data bytes (BITPIX = ${bitpix}, NAXIS = ${axes.join(' × ') || 0}) but only ${Math.max(0, available)} are left in the file (cut short, or a wrong NAXISn)`,
      );
    }
    return {
      index,
      kind: index === 0 ? 'primary' : xtension === 'BINTABLE' ? 'bintable' : xtension === 'IMAGE' ? 'image' : xtension === 'TABLE' ? 'table' : 'other',
      name: header.str('EXTNAME')?.trim() || null,
      header,
      bitpix,
      axes,
      pcount,
      gcount,
      dataOffset,
      dataLength,
    };
  }

  private integer(header: Header, key: string, label: string): number {
    const v = header.num(key);
    if (v === null || !Number.isInteger(v)) {
      const raw = header.get(key);
      throw this.bad(raw === undefined ? `${label} has no ${key} card` : `${label} has ${key} = ${String(raw)}, not a whole number`);
    }
    return v;
  }

  private bad(detail: string): FitsError {
    return new FitsError('bad-header', this.file, detail);
  }
}

function startsWith(bytes: Uint8Array, offset: number, text: string): boolean {
  if (offset + text.length > bytes.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[offset + i] !== text.charCodeAt(i)) return false;
  return true;
}

function printable(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.';
  return s;
}
