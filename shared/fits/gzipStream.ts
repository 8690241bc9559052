/**
 * gzip inflation with the platform's DecompressionStream (browsers; Node ≥ 18): native zlib
 * behind an asynchronous stream. Read chunk by chunk into one buffer sized from the checked
 * trailer, it inflates a LAMOST file in Chromium's worker in about half of fflate's time;
 * collected through `new Response(…).arrayBuffer()` it is slower than fflate (measured in
 * docs/spectra.md, "Decoder choice"), so this is the way to use it.
 */
import { FitsError } from './fitsError';
import { checkInflatedLength, corruptGzip, gzipTrailerSize, isGzip } from './gzip';

/** Returns the bytes themselves when not gzip, the inflated bytes when gzip. */
export async function gunzipStreamIfNeeded(bytes: Uint8Array, file: string): Promise<Uint8Array> {
  if (!isGzip(bytes)) return bytes;
  const isize = gzipTrailerSize(bytes, file);
  const out = new Uint8Array(isize);
  const stream = new DecompressionStream('gzip');
  const writer = stream.writable.getWriter();
  // A corrupt stream rejects these too; the reader below reports it, once.
  writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  let n = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      // Never write past the one allocation: a trailer that understates the size is an error.
      if (n + value.length > isize) {
        void reader.cancel().catch(() => undefined);
        throw new FitsError('gzip', file, `gzip data inflates to more than the ${isize} bytes its trailer says (corrupt or cut short)`);
      }
      out.set(value, n);
      n += value.length;
    }
  } catch (err) {
    throw corruptGzip(file, err);
  }
  checkInflatedLength(n, isize, file);
  return out;
}

