/**
 * gzip unwrapping with a bounded output buffer. fflate sizes its output from the gzip
 * trailer (ISIZE), which a corrupt file can set to 4 GB; we check ISIZE against what the
 * compressed bytes could possibly expand to before allocating anything.
 */
import { gunzipSync } from 'fflate';
import { FitsError } from './fitsError';

/** Deflate cannot expand more than ~1032:1 (RFC 1951 worst case, 258-byte matches). */
const MAX_DEFLATE_RATIO = 1032;
/** Far above any spectrum file; a guard against a bomb, not a format limit. */
export const MAX_INFLATED_BYTES = 512 * 1024 * 1024;

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * A gzip decompressor to use instead of fflate, e.g. Node's native zlib (about 2.5× faster):
 * must return exactly the inflated bytes and throw rather than produce more than `maxBytes`.
 */
export type Inflate = (gzip: Uint8Array, maxBytes: number) => Uint8Array;

/** Returns the bytes themselves when not gzip, the inflated bytes when gzip. */
export function gunzipIfNeeded(bytes: Uint8Array, file: string, inflate?: Inflate): Uint8Array {
  if (!isGzip(bytes)) return bytes;
  const isize = gzipTrailerSize(bytes, file);
  let out: Uint8Array;
  try {
    out = inflate ? inflate(bytes, isize) : gunzipSync(bytes, { out: new Uint8Array(isize) });
  } catch (err) {
    throw corruptGzip(file, err);
  }
  // fflate stops at the end of the buffer it was given; a shorter result means the trailer
  // promised more than the stream holds.
  checkInflatedLength(out.length, isize, file);
  return out;
}

/**
 * The inflated size the gzip trailer (ISIZE) announces, once checked against what the
 * compressed bytes could possibly expand to: the bound for the one allocation that follows.
 */
export function gzipTrailerSize(bytes: Uint8Array, file: string): number {
  if (bytes.length < 18) throw new FitsError('gzip', file, `gzip file is only ${bytes.length} bytes long (cut short?)`);
  const n = bytes.length;
  const isize = (bytes[n - 4]! | (bytes[n - 3]! << 8) | (bytes[n - 2]! << 16) | (bytes[n - 1]! << 24)) >>> 0;
  const bound = Math.min(MAX_INFLATED_BYTES, (n - 18) * MAX_DEFLATE_RATIO + 1024);
  if (isize > bound) {
    throw new FitsError('gzip', file, `gzip trailer claims ${isize} bytes, more than ${n} compressed bytes can hold (corrupt or cut short)`);
  }
  return isize;
}

export function checkInflatedLength(inflated: number, isize: number, file: string): void {
  if (inflated !== isize) {
    throw new FitsError('gzip', file, `gzip data inflates to ${inflated} bytes but its trailer says ${isize} (corrupt or cut short)`);
  }
}

export function corruptGzip(file: string, err: unknown): FitsError {
  return err instanceof FitsError ? err : new FitsError('gzip', file, `corrupt gzip data (${String((err as Error)?.message ?? err).split('\n', 1)[0]})`);
}
