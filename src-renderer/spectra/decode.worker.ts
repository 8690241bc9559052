/**
 * The spectrum decoder's thread: FITS bytes (maybe gzipped) in, typed arrays for the chart out,
 * handed back as transferables so nothing is copied on the way to the page. gzip goes through
 * the platform's DecompressionStream (native zlib), about twice as fast here as fflate.
 *
 * A spectrum's arrays travel in one buffer: the page's spare (a spectrum it has let go of,
 * handed back with the request) when it is large enough, else a new one. So paging through
 * thousands, the page receives the buffers it gave away, not a new one per spectrum for its
 * garbage collector. Every array is written whole, so nothing of the buffer's last spectrum
 * is left in the new one.
 */
import { gunzipStreamIfNeeded } from '../../shared/fits/gzipStream';
import { decodeSpectrum } from '../../shared/spectrum/decode';
import { plotArraysIn, type DecodeRequest, type PlotSpectrum } from './plotSpectrum';
import { RobustRange } from './robustRange';
import { answerCall } from './workerAnswer';
import type { Call, CallReply } from './workerCalls';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<Call<DecodeRequest>>) => void) | null;
  postMessage(message: CallReply<PlotSpectrum>, transfer: Transferable[]): void;
};

const range = new RobustRange();

scope.onmessage = (e) => {
  const { id, obsid, bytes, spare } = e.data;
  void answerCall(
    (reply, transfer) => scope.postMessage(reply, transfer),
    id,
    async () => {
      const name = `spectrum ${obsid}`;
      const s = decodeSpectrum(await gunzipStreamIfNeeded(bytes, name), name);
      const out = plotArraysIn(s.flux.length, spare);
      out.wavelength.set(s.wavelength);
      out.flux.set(s.flux);
      out.ivar.set(s.ivar);
      out.andMask.set(s.andMask);
      out.orMask.set(s.orMask);
      const anySigma = sigmaOf(s.ivar, out.sigma);
      const [yMin, yMax] = range.of(s.flux);
      // ivar and the masks travel in the same buffer at no cost: the fit takes its input from
      // here instead of reading and decoding the file again.
      const result: PlotSpectrum = { obsid, ...out, sigma: anySigma ? out.sigma : null, yMin, yMax, fibertype: s.meta.fibertype };
      return { result, transfer: [out.wavelength.buffer as ArrayBuffer] };
    },
    'the file could not be decoded',
  );
};

/** 1σ = 1/√ivar into `out` (NaN where ivar is 0); whether any pixel has one. */
function sigmaOf(ivar: Float32Array, out: Float32Array): boolean {
  let any = false;
  for (let i = 0; i < ivar.length; i++) {
    const v = ivar[i]!;
    if (v > 0) {
      out[i] = 1 / Math.sqrt(v);
      any = true;
    } else out[i] = NaN;
  }
  return any;
}
