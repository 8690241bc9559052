/**
 * The fits for the review screen: each spectrum's file read from the API and fitted in one
 * long-lived Web Worker (the templates, ~3 MB, sent to it once). The spectrum on screen is
 * fitted first, then the ones after it, so a fit is ready when its spectrum is shown; only
 * fits near the current spectrum are kept.
 */
import type { FitResult } from '../../shared/fit';
import { api } from '../api';
import { messageOf } from '../api/apiCallError';
import { KeptNear } from '../spectra/keptNear';
import type { FitReply, FitRequest } from './fitMessages';

/** How many spectra after / before the current one to fit ahead (the decoder keeps 3 / 2). */
const AHEAD = 2;
const BEHIND = 1;

type Pending = { resolve: (f: FitResult) => void; reject: (e: Error) => void };

export class Fitter {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly near = new KeptNear((obsid) => this.load(obsid), AHEAD, BEHIND);
  /** Worker-side fit times (ms), for the benchmark; bounded. */
  readonly fitTimes: number[] = [];

  get(obsid: number): Promise<FitResult> {
    return this.near.get(obsid);
  }

  /** The fit if it is kept and made already; else undefined. */
  ready(obsid: number): FitResult | undefined {
    return this.near.ready(obsid);
  }

  /** One fit, not kept here: the browse grid keeps only its summary (pageFits.ts). */
  fitOnce(obsid: number): Promise<FitResult> {
    return this.load(obsid);
  }

  /** Keeps the fits around `index` of `obsids` (asking for the missing ones) and drops the rest. */
  focus(obsids: readonly number[], index: number): void {
    this.near.focus(obsids, index);
  }

  private async load(obsid: number): Promise<FitResult> {
    const worker = await this.ensureWorker();
    const bytes = await api.readSpectrum({ obsid });
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
    const id = this.nextId++;
    const request: FitRequest = { kind: 'fit', id, obsid, bytes: own };
    return new Promise<FitResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage(request, [own.buffer as ArrayBuffer]);
    });
  }

  private starting: Promise<Worker> | null = null;

  private ensureWorker(): Promise<Worker> {
    if (this.worker) return Promise.resolve(this.worker);
    this.starting ??= this.start().finally(() => (this.starting = null));
    return this.starting;
  }

  private async start(): Promise<Worker> {
    const names = await api.listTemplates({});
    const files = await Promise.all(names.map(async (name) => ({ name, bytes: await api.readTemplate({ name }) })));
    const w = new Worker(new URL('./fit.worker.ts', import.meta.url), { type: 'module', name: 'spectrum-fit' });
    w.onmessage = (e: MessageEvent<FitReply>) => this.settle(e.data);
    w.onerror = (e) => this.failAll(`the fit stopped: ${e.message || 'worker error'}`);
    const request: FitRequest = { kind: 'templates', files };
    // Copied, not transferred: once per run, and an IPC view may share its buffer.
    w.postMessage(request);
    this.worker = w;
    return w;
  }

  private settle(reply: FitReply): void {
    const p = this.pending.get(reply.id);
    if (!p) return;
    this.pending.delete(reply.id);
    if (!reply.ok) return p.reject(new Error(reply.message));
    if (this.fitTimes.length < 10_000) this.fitTimes.push(reply.ms);
    p.resolve(reply.fit);
  }

  private failAll(message: string): void {
    for (const p of this.pending.values()) p.reject(new Error(message));
    this.pending.clear();
    this.near.clear();
    this.worker?.terminate();
    this.worker = null;
  }
}

export const fitter = new Fitter();

export function fitErrorText(obsid: number, err: unknown): string {
  return `no fit for spectrum ${obsid}: ${messageOf(err).replace(`spectrum ${obsid}: `, '')}`;
}
