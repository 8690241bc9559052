/**
 * The spectrum decoder's thread: FITS bytes (maybe gzipped) in, typed arrays for the chart out,
 * handed back as transferables so nothing is copied on the way to the page. gzip goes through
 * the platform's DecompressionStream (native zlib), about twice as fast here as fflate.
 */
import { gunzipStreamIfNeeded } from '../../shared/fits/gzipStream';
import { decodeSpectrum, transferList } from '../../shared/spectrum/decode';
import type { DecodeReply, DecodeRequest, PlotSpectrum } from './plotSpectrum';
import { RobustRange } from './robustRange';

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
    const [yMin, yMax] = new RobustRange().of(s.flux);
    // orMask shares the spectrum's one buffer (transferList), so it travels at no cost.
    const spectrum: PlotSpectrum = { obsid, wavelength: s.wavelength, flux: s.flux, sigma, orMask: s.orMask, yMin, yMax, fibertype: s.meta.fibertype };
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
