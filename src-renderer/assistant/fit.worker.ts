/**
 * The assistant's thread: the template library once (parsed here, its FFT caches kept for
 * every later fit), then one spectrum file at a time decoded and fitted, off the page's thread.
 * The result's typed arrays (model, χ²(z) curves) travel back as transferables.
 */
import { gunzipStreamIfNeeded } from '../../shared/fits/gzipStream';
import { fitSpectrum, templateLibrary, type TemplateLibrary } from '../../shared/fit';
import { decodeSpectrum } from '../../shared/spectrum/decode';
import type { FitReply, FitRequest } from './fitMessages';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<FitRequest>) => void) | null;
  postMessage(message: FitReply, transfer: Transferable[]): void;
};

let library: TemplateLibrary | null = null;
let libraryError: string | null = null;

scope.onmessage = async (e) => {
  const req = e.data;
  if (req.kind === 'templates') {
    try {
      library = templateLibrary(req.files);
    } catch (err) {
      libraryError = `the fit's templates cannot be read: ${(err as Error).message}`;
    }
    return;
  }
  const { id, obsid, bytes } = req;
  try {
    if (!library) throw new Error(libraryError ?? 'the templates have not arrived');
    const t0 = performance.now();
    const name = `spectrum ${obsid}`;
    const fit = fitSpectrum(decodeSpectrum(await gunzipStreamIfNeeded(bytes, name), name), library);
    const ms = performance.now() - t0;
    const transfer = fit.ok ? [...fit.models.map((m) => m.buffer), ...fit.curves.flatMap((c) => [c.z.buffer, c.chi2.buffer])] : [];
    scope.postMessage({ id, ok: true, fit, ms }, transfer as ArrayBuffer[]);
  } catch (err) {
    scope.postMessage({ id, ok: false, message: (err as Error).message || 'the fit failed' }, []);
  }
};
