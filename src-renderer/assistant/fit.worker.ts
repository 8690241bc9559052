/**
 * The assistant's thread: the template library once (parsed here, its FFT caches kept for
 * every later fit), then one decoded spectrum at a time fitted, off the page's thread (the
 * decoder's worker read it for the chart already). The result's typed arrays (model, χ²(z)
 * curves) travel back as transferables.
 */
import { fitSpectrum, templateLibrary, type FitResult, type TemplateLibrary } from '../../shared/fit';
import { answerCall } from '../spectra/workerAnswer';
import type { CallReply } from '../spectra/workerCalls';
import type { FitMessage } from './fitMessages';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<FitMessage>) => void) | null;
  postMessage(message: CallReply<FitResult>, transfer: Transferable[]): void;
};

let library: TemplateLibrary | null = null;
let libraryError: string | null = null;

scope.onmessage = (e) => {
  const req = e.data;
  if (req.kind === 'templates') {
    try {
      library = templateLibrary(req.files);
    } catch (err) {
      libraryError = `the fit's templates cannot be read: ${(err as Error).message}`;
    }
    return;
  }
  void answerCall(
    (reply, transfer) => scope.postMessage(reply, transfer),
    req.id,
    () => {
      if (!library) throw new Error(libraryError ?? 'the templates have not arrived');
      const fit = fitSpectrum(req.spectrum, library);
      const transfer = fit.ok ? [...fit.models.map((m) => m.buffer), ...fit.curves.flatMap((c) => [c.z.buffer, c.chi2.buffer])] : [];
      return { result: fit, transfer: transfer as ArrayBuffer[] };
    },
    'the fit failed',
  );
};
