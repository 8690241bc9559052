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
  // The unscaled cases a spectrum is made of (float32 fluxes, float32/float64 wavelengths,
  // int32 or float32 masks), each its own monomorphic loop: DataView's big-endian getters
  // compile to a byte-swapping load, so these run at about a nanosecond per value.
  if (plain && read === readers.f32) {
    if (out instanceof Float32Array) f32ToF32(view, offset, count, stride, new Uint32Array(out.buffer, out.byteOffset + start * 4, count));
    else if (out instanceof Float64Array) f32ToF64(view, offset, count, stride, out, start);
    else f32ToI32(view, offset, count, stride, out, start);
    return;
  }
  if (plain && read === readers.f64 && !(out instanceof Int32Array)) return f64ToFloat(view, offset, count, stride, out, start);
  if (plain && read === readers.i32 && out instanceof Int32Array) return i32ToI32(view, offset, count, stride, out, start);
  for (let i = 0, o = offset; i < count; i++, o += stride) {
    const raw = read(view, o);
    const v = plain ? raw : raw === s.blank ? NaN : raw * s.scale + s.zero;
    // v - v is 0 for finite numbers and NaN for NaN and ±Infinity. An Int32Array output
    // stores NaN as 0 and keeps the low 32 bits of larger values (masks stored as floats).
    out[start + i] = v - v === 0 ? v : NaN;
  }
}

/** Float32 bits with an all-ones exponent: ±Infinity or a NaN of any payload. */
const EXPONENT = 0x7f800000;
const QUIET_NAN = 0x7fc00000;

/** Copies the bits (no float round trip), ±Infinity and every NaN payload written as one quiet NaN. */
function f32ToF32(view: DataView, offset: number, count: number, stride: number, words: Uint32Array): void {
  for (let i = 0, o = offset; i < count; i++, o += stride) {
    const w = view.getUint32(o);
    words[i] = (w & EXPONENT) === EXPONENT ? QUIET_NAN : w;
  }
}

/** Reused between calls (decoding is synchronous), so the hot path allocates nothing of its own. */
let scratch = new Float32Array(4096);

/**
 * Through float32 words and one native widening `set`: twice as fast as converting value by
 * value (LAMOST stores its wavelengths as float32).
 */
function f32ToF64(view: DataView, offset: number, count: number, stride: number, out: Float64Array, start: number): void {
  if (scratch.length < count) scratch = new Float32Array(count);
  f32ToF32(view, offset, count, stride, new Uint32Array(scratch.buffer, 0, count));
  out.set(scratch.subarray(0, count), start);
}

/** ToInt32 of each value (NaN and ±Infinity → 0), as an Int32Array store does. */
function f32ToI32(view: DataView, offset: number, count: number, stride: number, out: Int32Array, start: number): void {
  for (let i = 0, o = offset; i < count; i++, o += stride) out[start + i] = view.getFloat32(o) | 0;
}

function i32ToI32(view: DataView, offset: number, count: number, stride: number, out: Int32Array, start: number): void {
  for (let i = 0, o = offset; i < count; i++, o += stride) out[start + i] = view.getInt32(o);
}

function f64ToFloat(view: DataView, offset: number, count: number, stride: number, out: Float32Array | Float64Array, start: number): void {
  for (let i = 0, o = offset; i < count; i++, o += stride) {
    const v = view.getFloat64(o);
    out[start + i] = v - v === 0 ? v : NaN;
  }
}
