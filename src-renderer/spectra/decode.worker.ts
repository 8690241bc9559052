/**
 * The spectrum decoder's thread: FITS bytes (maybe gzipped) in, typed arrays for the chart out,
 * handed back as transferables so nothing is copied on the way to the page. gzip goes through
 * the platform's DecompressionStream (native zlib), about twice as fast here as fflate.
 */
import { gunzipStreamIfNeeded } from '../../shared/fits/gzipStream';
import { decodeSpectrum, transferList } from '../../shared/spectrum/decode';
import type { DecodeRequest, PlotSpectrum } from './plotSpectrum';
import { RobustRange } from './robustRange';
import { answerCall } from './workerAnswer';
import type { Call, CallReply } from './workerCalls';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<Call<DecodeRequest>>) => void) | null;
  postMessage(message: CallReply<PlotSpectrum>, transfer: Transferable[]): void;
};

scope.onmessage = (e) => {
  const { id, obsid, bytes } = e.data;
  void answerCall(
    (reply, transfer) => scope.postMessage(reply, transfer),
    id,
    async () => {
      const name = `spectrum ${obsid}`;
      const s = decodeSpectrum(await gunzipStreamIfNeeded(bytes, name), name);
      const sigma = sigmaOf(s.ivar);
      const [yMin, yMax] = new RobustRange().of(s.flux);
      // ivar and the masks share the spectrum's one buffer (transferList), so they travel at no
      // cost: the fit takes its input from here instead of reading and decoding the file again.
      const result: PlotSpectrum = { obsid, wavelength: s.wavelength, flux: s.flux, ivar: s.ivar, andMask: s.andMask, sigma, orMask: s.orMask, yMin, yMax, fibertype: s.meta.fibertype };
      return { result, transfer: sigma ? [...transferList(s), sigma.buffer as ArrayBuffer] : transferList(s) };
    },
    'the file could not be decoded',
  );
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
