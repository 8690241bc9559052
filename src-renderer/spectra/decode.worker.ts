/**
 * The spectrum decoder's thread: FITS bytes (maybe gzipped) in, typed arrays for the chart out,
 * handed back as transferables so nothing is copied on the way to the page. gzip goes through
 * the platform's DecompressionStream (native zlib), about twice as fast here as fflate.
 */
import { gunzipStreamIfNeeded } from '../../shared/fits/gzipStream';
import { decodeSpectrum, transferList } from '../../shared/spectrum/decode';
import type { DecodeReply, DecodeRequest, PlotSpectrum } from './plotSpectrum';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<DecodeRequest>) => void) | null;
  postMessage(message: DecodeReply, transfer: Transferable[]): void;
};

scope.onmessage = async (e) => {
  const { id, obsid, bytes } = e.data;
  try {
    const t0 = performance.now();
    const name = `spectrum ${obsid}`;
    const s = decodeSpectrum(await gunzipStreamIfNeeded(bytes, name), name);
    const ms = performance.now() - t0;
    const sigma = sigmaOf(s.ivar);
    const [yMin, yMax] = robustRange(s.flux);
    const spectrum: PlotSpectrum = { obsid, wavelength: s.wavelength, flux: s.flux, sigma, yMin, yMax };
    const transfer: ArrayBuffer[] = sigma ? [...transferList(s), sigma.buffer as ArrayBuffer] : transferList(s);
    scope.postMessage({ id, ok: true, spectrum, ms }, transfer);
  } catch (err) {
    scope.postMessage({ id, ok: false, message: (err as Error).message || 'the file could not be decoded' }, []);
  }
};

function sigmaOf(ivar: Float32Array): Float32Array | null {
  const out = new Float32Array(ivar.length);
  let any = false;
  for (let i = 0; i < ivar.length; i++) {
    const v = ivar[i]!;
    if (v > 0) {
      out[i] = 1 / Math.sqrt(v);
      any = true;
    } else out[i] = NaN;
  }
  return any ? out : null;
}

/** The 0.5 and 99.5 percentiles of the finite fluxes, so one cosmic ray does not flatten the plot. */
function robustRange(flux: Float32Array): [number, number] {
  const finite = new Float32Array(flux.length);
  let n = 0;
  for (let i = 0; i < flux.length; i++) {
    const v = flux[i]!;
    if (Number.isFinite(v)) finite[n++] = v;
  }
  if (n === 0) return [0, 1];
  const sorted = finite.subarray(0, n).sort();
  const lo = sorted[Math.floor((n - 1) * 0.005)]!;
  const hi = sorted[Math.ceil((n - 1) * 0.995)]!;
  return lo === hi ? [lo - 1, hi + 1] : [lo, hi];
}
