/**
 * The fits for the review screen and the pages of fits (pageFits.ts): each spectrum as the
 * decoder has it (decoded once, for the chart; usually ahead of time) fitted in one long-lived
 * Web Worker (the templates, ~3 MB, sent to it once). The spectrum on screen is fitted first,
 * then the ones after it, so a fit is ready when its spectrum is shown; only fits near the
 * current spectrum are kept.
 *
 * One queue for every fit, one fit in the worker at a time, and one rule: when the worker is
 * free, every waiting fit no longer wanted (its spectrum paged past, its page left or
 * re-ordered) is dropped unmade, and the first still wanted goes in. A reviewer paging faster
 * than the fits (~40 ms each) would otherwise leave a backlog that grew without end, each fit's
 * copies and answer (models, χ² curves) garbage for the page to collect.
 */
import type { FitResult } from '../../shared/fit';
import { api } from '../api';
import { messageOf } from '../api/apiCallError';
import { decoder } from '../spectra/decoder';
import { KeptNear } from '../spectra/keptNear';
import { WorkLine } from '../spectra/workLine';
import { WorkerCalls, type CallTarget } from '../spectra/workerCalls';
import type { FitArrays, FitRequest, TemplatesMessage } from './fitMessages';

/** How many spectra after / before the current one to fit ahead (the decoder keeps 3 / 2). */
const AHEAD = 2;
const BEHIND = 1;

export class Fitter {
  private readonly calls = new WorkerCalls<FitRequest, FitResult>({
    start: startFitWorker,
    stopped: 'the fit stopped',
    onFail: () => this.near.clear(),
  });
  private readonly near = new KeptNear((obsid, kept) => this.queued(obsid, kept), AHEAD, BEHIND);
  /** One fit in the worker at a time, in the order asked (workLine.ts: one rule for what is dropped). */
  private readonly line = new WorkLine(1);

  get(obsid: number): Promise<FitResult> {
    return this.near.get(obsid);
  }

  /** The fit if it is kept and made already; else undefined. */
  ready(obsid: number): FitResult | undefined {
    return this.near.ready(obsid);
  }

  /**
   * One fit, not kept here (pageFits.ts keeps only its summary), made in its turn if `wanted()`
   * still says so then. `decoded`: the spectrum if the caller has it; else the decoder's.
   */
  fitOnce(obsid: number, wanted: () => boolean, decoded?: () => FitArrays | undefined): Promise<FitResult> {
    return this.queued(obsid, wanted, decoded);
  }

  /** Keeps the fits around `index` of `obsids` (asking for the missing ones) and drops the rest. */
  focus(obsids: readonly number[], index: number): void {
    this.near.focus(obsids, index);
  }

  private async queued(obsid: number, wanted: () => boolean, decoded?: () => FitArrays | undefined): Promise<FitResult> {
    // Not in this call: a caller's wanted() may name the promise this returns (KeptNear's).
    await null;
    return this.line.take(() => this.fitNow(obsid, decoded?.()), false, wanted);
  }

  private async fitNow(obsid: number, decoded?: FitArrays): Promise<FitResult> {
    const s = decoded ?? decoder.ready(obsid) ?? (await decodedOnce(obsid));
    // Copies, transferred: the worker gets its own and the chart keeps the decoder's arrays.
    const spectrum: FitArrays = { wavelength: s.wavelength.slice(), flux: s.flux.slice(), ivar: s.ivar.slice(), andMask: s.andMask.slice() };
    const transfer = [spectrum.wavelength.buffer, spectrum.flux.buffer, spectrum.ivar.buffer, spectrum.andMask.buffer] as ArrayBuffer[];
    return this.calls.call({ kind: 'fit', obsid, spectrum }, transfer);
  }
}

/**
 * The review screen's spectra are the decoder's (kept, decoding now or ahead: joined, not read
 * again); any other (a trace, a fibre off the browse page) is read and decoded, not kept.
 */
function decodedOnce(obsid: number): Promise<FitArrays> {
  return decoder.keeps(obsid) ? decoder.get(obsid) : decoder.readAndDecode(obsid);
}

async function startFitWorker(): Promise<CallTarget> {
  const names = await api.listTemplates({});
  const files = await Promise.all(names.map(async (name) => ({ name, bytes: await api.readTemplate({ name }) })));
  const w = new Worker(new URL('./fit.worker.ts', import.meta.url), { type: 'module', name: 'spectrum-fit' });
  // Copied, not transferred: once per run, and an IPC view may share its buffer.
  w.postMessage({ kind: 'templates', files } satisfies TemplatesMessage);
  return w;
}

export const fitter = new Fitter();

export function fitErrorText(obsid: number, err: unknown): string {
  return `no fit for spectrum ${obsid}: ${messageOf(err).replace(`spectrum ${obsid}: `, '')}`;
}
