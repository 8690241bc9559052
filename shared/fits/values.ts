/**
 * Big-endian element readers shared by images and tables. One reader per FITS type, chosen
 * once per column or row, so the per-pixel loop has no switch. Non-finite values become NaN
 * (the spectrum's convention for "no data here", drawn as a gap).
 */
export type ElementReader = (view: DataView, offset: number) => number;

export const readers = {
  u8: (v: DataView, o: number) => v.getUint8(o),
  i16: (v: DataView, o: number) => v.getInt16(o),
  i32: (v: DataView, o: number) => v.getInt32(o),
  // Exact below 2^53, which covers every mask and count a spectrum holds.
  i64: (v: DataView, o: number) => v.getInt32(o) * 4294967296 + v.getUint32(o + 4),
  f32: (v: DataView, o: number) => v.getFloat32(o),
  f64: (v: DataView, o: number) => v.getFloat64(o),
} satisfies Record<string, ElementReader>;

export interface Scaling {
  scale: number;
  zero: number;
  /** Raw integer value that means "undefined" (BLANK / TNULLn), or null. */
  blank: number | null;
}

export type OutputType = 'f32' | 'f64' | 'i32';

export function allocate(type: OutputType, n: number): Float32Array | Float64Array | Int32Array {
  return type === 'f32' ? new Float32Array(n) : type === 'f64' ? new Float64Array(n) : new Int32Array(n);
}

export const NO_SCALING: Scaling = { scale: 1, zero: 0, blank: null };

/**
 * Reads `count` elements, `stride` bytes apart, into `out` from `start`.
 * Allocation-free: the caller owns `out`.
 */
export function readInto(
  out: Float32Array | Float64Array | Int32Array,
  view: DataView,
  offset: number,
  count: number,
  stride: number,
  read: ElementReader,
  s: Scaling,
  start = 0,
): void {
  const plain = s.scale === 1 && s.zero === 0 && s.blank === null;
  if (plain && read === readers.f32 && stride === 4 && LITTLE_ENDIAN) {
    // LAMOST's own case (contiguous unscaled float32): swap 32-bit words (non-finite → NaN
    // on the way), then convert where the output is not float32.
    if (out instanceof Float32Array) {
      swap32(view, offset, count, out.buffer, out.byteOffset + start * 4);
    } else if (out instanceof Float64Array) {
      out.set(swappedScratch(view, offset, count), start); // exact
    } else {
      toInt32(swappedScratch(view, offset, count), out, start);
    }
    return;
  }
  if (plain && read === readers.f64 && stride === 8 && out instanceof Float64Array && LITTLE_ENDIAN) {
    swap64(view, offset, count, out, start);
    nanForNonFinite(out, start, count);
    return;
  }
  for (let i = 0, o = offset; i < count; i++, o += stride) {
    const raw = read(view, o);
    const v = plain ? raw : raw === s.blank ? NaN : raw * s.scale + s.zero;
    // v - v is 0 for finite numbers and NaN for NaN and ±Infinity. An Int32Array output
    // stores NaN as 0 and keeps the low 32 bits of larger values (masks stored as floats).
    out[start + i] = v - v === 0 ? v : NaN;
  }
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Reused between calls (decoding is synchronous): the hot path allocates nothing of its own. */
let scratch = new Float32Array(8192);

function swappedScratch(view: DataView, offset: number, count: number): Float32Array {
  if (scratch.length < count) scratch = new Float32Array(count);
  swap32(view, offset, count, scratch.buffer, 0);
  return scratch.subarray(0, count);
}

/** Float32 bits with an all-ones exponent: ±Infinity or a NaN of any payload. */
const EXPONENT = 0x7f800000;
const QUIET_NAN = 0x7fc00000;

/**
 * Big-endian float32 words at view+offset → native order at dst+dstOffset (4-byte aligned),
 * ±Infinity and every NaN payload written as one quiet NaN: one pass instead of two.
 */
function swap32(view: DataView, offset: number, count: number, dst: ArrayBufferLike, dstOffset: number): void {
  const out = new Uint32Array(dst, dstOffset, count);
  const at = view.byteOffset + offset;
  if (at % 4 === 0) {
    const src = new Uint32Array(view.buffer, at, count);
    for (let i = 0; i < count; i++) {
      const x = src[i]!;
      const w = (x >>> 24) | ((x >>> 8) & 0xff00) | ((x << 8) & 0xff0000) | (x << 24);
      out[i] = (w & EXPONENT) === EXPONENT ? QUIET_NAN : w;
    }
  } else {
    for (let i = 0; i < count; i++) {
      const w = view.getUint32(offset + 4 * i);
      out[i] = (w & EXPONENT) === EXPONENT ? QUIET_NAN : w;
    }
  }
}

/** ToInt32 of each value (NaN → 0), as an Int32Array store does, in a typed loop. */
function toInt32(src: Float32Array, out: Int32Array, start: number): void {
  for (let i = 0; i < src.length; i++) out[start + i] = src[i]! | 0;
}

function swap64(view: DataView, offset: number, count: number, out: Float64Array, start: number): void {
  for (let i = 0; i < count; i++) out[start + i] = view.getFloat64(offset + 8 * i);
}

function nanForNonFinite(out: Float32Array | Float64Array, start: number, count: number): void {
  for (let i = start, end = start + count; i < end; i++) {
    const v = out[i]!;
    if (v - v !== 0) out[i] = NaN;
  }
}
