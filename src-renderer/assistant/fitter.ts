/**
 * The fits for the review screen: each spectrum as the decoder has it (decoded once, for the
 * chart; usually ahead of time) fitted in one long-lived Web Worker (the templates, ~3 MB, sent
 * to it once). The spectrum on screen is fitted first, then the ones after it, so a fit is
 * ready when its spectrum is shown; only fits near the current spectrum are kept.
 *
 * One fit is in the worker at a time, the rest wait here: a reviewer paging faster than the
 * fits (~40 ms each) leaves spectra behind whose fits would otherwise all be made — a backlog
 * that grew without end, each fit's copies and answer (models, χ² curves) garbage for the
 * page to collect. A waiting fit whose spectrum has left the window is not made.
 */
import type { FitResult } from '../../shared/fit';
import { api } from '../api';
import { messageOf } from '../api/apiCallError';
import { decoder } from '../spectra/decoder';
import { KeptNear } from '../spectra/keptNear';
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
  private readonly near = new KeptNear((obsid, kept) => this.inTurn(() => (kept() ? this.fitNow(obsid) : Promise.reject(new Error(PAGED_PAST)))), AHEAD, BEHIND);
  /** Settles when the fit asked for last has been answered: the next one's turn. */
  private turn: Promise<unknown> = Promise.resolve();

  get(obsid: number): Promise<FitResult> {
    return this.near.get(obsid);
  }

  /** The fit if it is kept and made already; else undefined. */
  ready(obsid: number): FitResult | undefined {
    return this.near.ready(obsid);
  }

  /**
   * One fit, not kept here (the browse grid keeps only its summary, pageFits.ts). `decoded`:
   * the spectrum if the caller has it (a thumbnail's decode); else the decoder's.
   */
  fitOnce(obsid: number, decoded?: FitArrays): Promise<FitResult> {
    return this.inTurn(() => this.fitNow(obsid, decoded));
  }

  /** Keeps the fits around `index` of `obsids` (asking for the missing ones) and drops the rest. */
  focus(obsids: readonly number[], index: number): void {
    this.near.focus(obsids, index);
  }

  private inTurn(work: () => Promise<FitResult>): Promise<FitResult> {
    const mine = this.turn.then(work);
    this.turn = mine.catch(() => undefined);
    return mine;
  }

  private async fitNow(obsid: number, decoded?: FitArrays): Promise<FitResult> {
    const s = decoded ?? decoder.ready(obsid) ?? (await decodedOnce(obsid));
    // Copies, transferred: the worker gets its own and the chart keeps the decoder's arrays.
    const spectrum: FitArrays = { wavelength: s.wavelength.slice(), flux: s.flux.slice(), ivar: s.ivar.slice(), andMask: s.andMask.slice() };
    const transfer = [spectrum.wavelength.buffer, spectrum.flux.buffer, spectrum.ivar.buffer, spectrum.andMask.buffer] as ArrayBuffer[];
    return this.calls.call({ kind: 'fit', obsid, spectrum }, transfer);
  }
}

/** A waiting fit's answer once its spectrum left the window (no one is shown it). */
const PAGED_PAST = 'paged past before its turn';

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
