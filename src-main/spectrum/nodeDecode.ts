/**
 * decodeSpectrum for Node callers (CLI, cache verification, benchmarks): the same pure
 * decoder from shared/, with Node's native zlib as the gzip inflater — about 2.5× faster
 * than fflate on a LAMOST .fits.gz, which is most of a decode's time.
 */
import { gunzipSync } from 'node:zlib';
import { decodeSpectrum, type Inflate, type Spectrum } from '../../shared/spectrum/decode';

/** zlib refuses to produce more than `maxBytes` (the size checked against the gzip trailer). */
export const nodeInflate: Inflate = (gz, maxBytes) => {
  // One output chunk of the announced size: no growing and concatenating 16 kB chunks.
  const out = gunzipSync(gz, { maxOutputLength: Math.max(1, maxBytes), chunkSize: Math.max(64, Math.min(maxBytes + 1, 64 * 1024 * 1024)) });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
};

export function decodeSpectrumNode(bytes: Uint8Array, fileName?: string): Spectrum {
  return decodeSpectrum(bytes, fileName, { inflate: nodeInflate });
}
