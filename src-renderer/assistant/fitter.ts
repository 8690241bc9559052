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
import { WorkerCalls, type CallTarget } from '../spectra/workerCalls';
import type { FitArrays, FitRequest, TemplatesMessage } from './fitMessages';

/** How many spectra after / before the current one to fit ahead (the decoder keeps 3 / 2). */
const AHEAD = 2;
const BEHIND = 1;

/** A fit waiting for the worker. */
interface Waiting {
  obsid: number;
  /** Asked when the worker is free: false drops the fit unmade. */
  wanted: () => boolean;
  /** The decoded spectrum if the caller holds it (a thumbnail's decode), taken at the fit's turn. */
  decoded?: () => FitArrays | undefined;
  resolve: (fit: FitResult) => void;
  reject: (err: Error) => void;
}

export class Fitter {
  private readonly calls = new WorkerCalls<FitRequest, FitResult>({
    start: startFitWorker,
    stopped: 'the fit stopped',
    onFail: () => this.near.clear(),
  });
  private readonly near = new KeptNear((obsid, kept) => this.queued(obsid, kept), AHEAD, BEHIND);
  private waiting: Waiting[] = [];
  /** Whether a fit is in the worker now. */
  private busy = false;

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

  private queued(obsid: number, wanted: () => boolean, decoded?: () => FitArrays | undefined): Promise<FitResult> {
    const fit = new Promise<FitResult>((resolve, reject) => this.waiting.push({ obsid, wanted, decoded, resolve, reject }));
    // Not in this call: a caller's wanted() may name the promise this returns (KeptNear's).
    queueMicrotask(() => this.next());
    return fit;
  }

  /** The queue's one rule (the file's comment): what is not wanted is dropped, the first that is goes in. */
  private next(): void {
    if (this.busy) return;
    const still: Waiting[] = [];
    for (const w of this.waiting) if (w.wanted()) still.push(w);
    else w.reject(new Error(PAGED_PAST));
    this.waiting = still;
    const w = still.shift();
    if (!w) return;
    this.busy = true;
    // The caller hears first (pageFits.ts keeps the summary its next wanted() reads), then the next turn.
    this.fitNow(w.obsid, w.decoded?.())
      .then(w.resolve, w.reject)
      .finally(() => {
        this.busy = false;
        this.next();
      });
  }

  private async fitNow(obsid: number, decoded?: FitArrays): Promise<FitResult> {
    const s = decoded ?? decoder.ready(obsid) ?? (await decodedOnce(obsid));
    // Copies, transferred: the worker gets its own and the chart keeps the decoder's arrays.
    const spectrum: FitArrays = { wavelength: s.wavelength.slice(), flux: s.flux.slice(), ivar: s.ivar.slice(), andMask: s.andMask.slice() };
    const transfer = [spectrum.wavelength.buffer, spectrum.flux.buffer, spectrum.ivar.buffer, spectrum.andMask.buffer] as ArrayBuffer[];
    return this.calls.call({ kind: 'fit', obsid, spectrum }, transfer);
  }
}

/** A waiting fit's answer once no one wants it (its spectrum left the window, its page was left). */
const PAGED_PAST = 'paged past before its turn';

/** Whether a fit failed only for being dropped unmade (nothing to tell anyone). */
export function pagedPast(err: unknown): boolean {
  return err instanceof Error && err.message === PAGED_PAST;
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
