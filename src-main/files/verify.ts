/**
 * Whether bytes are a spectrum file SpecVet can show, checked without reading the arrays.
 * A truncated download, an HTML error page, a damaged gzip or a format we cannot read must
 * never pose as a cached spectrum; what catches each:
 *   - gzip: zlib inflates the whole stream and checks the trailer's CRC-32 and ISIZE, so a
 *     damaged or cut-short stream fails; the output is bounded by shared/fits/gzip's size
 *     guard, as in the renderer.
 *   - FITS: every HDU's header must parse up to END and every HDU's data must be present in
 *     full (FitsFile checks each size against the bytes), so a file cut anywhere inside an
 *     HDU fails — stricter than decodeSpectrum, which stops at the HDUs a layout needs.
 *   - layout: the two LAMOST LRS layouts are recognised with the same checks decodeSpectrum
 *     makes before it reads any value (axes; COADD columns, their types and lengths); once
 *     those pass, reading the values cannot fail. Any other file gets the decoder's own
 *     verdict (a full decodeSpectrum), so nothing the renderer would refuse is accepted.
 * Skipping the value reads saves ~0.1 ms of main-thread time per file, toward the fetch
 * benchmark's 1,000 files/s on two cores (figures in docs/sync.md).
 */
import { gunzip, gunzipSync, type ZlibOptions } from 'node:zlib';
import { promisify } from 'node:util';
import { FitsError } from '../../shared/fits/fitsError';
import { checkInflatedLength, corruptGzip, gzipTrailerSize, isGzip } from '../../shared/fits/gzip';
import { FitsFile } from '../../shared/fits/hdu';
import { decodeSpectrum, isLamostImage, planCoadd } from '../../shared/spectrum/decode';

const gunzipAsync = promisify(gunzip);
const OK = { ok: true } as const;

export type VerifyResult = { ok: true } | { ok: false; reason: string };

export async function verifySpectrum(bytes: Uint8Array, name: string): Promise<VerifyResult> {
  try {
    let fits = bytes;
    if (isGzip(bytes)) {
      const isize = gzipTrailerSize(bytes, name);
      fits = await gunzipAsync(bytes, inflateOptions(isize)).catch((err: unknown) => {
        throw inflateFailure(err, isize, name);
      });
      checkInflatedLength(fits.length, isize, name);
    }
    return checkFits(fits, name);
  } catch (err) {
    return { ok: false, reason: (err as Error).message };
  }
}

/** The synchronous twin of verifySpectrum, for callers inside a synchronous cache call. */
export function verifySpectrumSync(bytes: Uint8Array, name: string): VerifyResult {
  try {
    let fits = bytes;
    if (isGzip(bytes)) {
      const isize = gzipTrailerSize(bytes, name);
      try {
        fits = gunzipSync(bytes, inflateOptions(isize));
      } catch (err) {
        throw inflateFailure(err, isize, name);
      }
      checkInflatedLength(fits.length, isize, name);
    }
    return checkFits(fits, name);
  } catch (err) {
    return { ok: false, reason: (err as Error).message };
  }
}

/**
 * Output capped at what the (already bounded) trailer announces: a stream that inflates to
 * more fails instead of growing. One chunk a byte larger than that size takes the whole file
 * and sees the stream's end; 128 kB chunks measured 0–40 % more CPU for a 90 kB file.
 */
function inflateOptions(isize: number): ZlibOptions {
  return { maxOutputLength: Math.max(1, isize), chunkSize: Math.max(64, isize + 1) };
}

/** zlib's own words for overrunning maxOutputLength ("Cannot create a Buffer larger than…") would mislead. */
function inflateFailure(err: unknown, isize: number, name: string): FitsError {
  if ((err as NodeJS.ErrnoException).code !== 'ERR_BUFFER_TOO_LARGE') return corruptGzip(name, err);
  return new FitsError('gzip', name, `gzip data inflates to more than the ${isize} bytes its trailer says (corrupt or cut short)`);
}

function checkFits(fits: Uint8Array, name: string): VerifyResult {
  const file = new FitsFile(fits, name);
  const hdus = file.all();
  if (isLamostImage(hdus[0]!)) return OK;
  const coadd = file.find('COADD');
  // A LAMOST COADD is read from its columns alone; SDSS's also reads its answer table's (SPALL or SPECOBJ) values.
  if (coadd && planCoadd(file, coadd).wave !== null) return OK;
  decodeSpectrum(fits, name);
  return OK;
}
