/**
 * Spectra for the review screen: bytes from the API, decoded in a Web Worker, the typed arrays
 * handed back as transferables. The spectra around the current one are decoded ahead, and only
 * those are kept, so paging through thousands never grows memory.
 */
import { api } from '../api';
import { messageOf } from '../api/apiCallError';
import { KeptNear } from './keptNear';
import type { DecodeReply, DecodeRequest, PlotSpectrum } from './plotSpectrum';

/** How many spectra after / before the current one to have ready. */
const AHEAD = 3;
const BEHIND = 2;
/**
 * The worker is replaced after this many decodes. Each decode leaves ~200 kB of large buffers
 * in the worker's heap, which V8 frees only on a major GC it is in no hurry to run; a fresh
 * worker (started in ~10 ms, between key presses) hands all of it back at once. 50, not 100:
 * with DecompressionStream's native buffers in the worker, 100 let the renderer's memory take
 * a one-time 17–19 MB step in 3 of 8 benchmark runs; 50 stayed flat in 6 of 6.
 */
const DECODES_PER_WORKER = 50;

type Pending = { resolve: (s: PlotSpectrum) => void; reject: (e: Error) => void };

export class SpectrumDecoder {
  private worker: Worker | null = null;
  private nextId = 1;
  private decodesOnWorker = 0;
  private readonly pending = new Map<number, Pending>();
  private readonly near = new KeptNear((obsid) => this.load(obsid), AHEAD, BEHIND);
  /** Worker-side decode times (ms), for the benchmark; bounded. */
  readonly decodeTimes: number[] = [];

  get(obsid: number): Promise<PlotSpectrum> {
    return this.near.get(obsid);
  }

  /** The spectrum if it is kept and decoded already (the key's render shows it at once); else undefined. */
  ready(obsid: number): PlotSpectrum | undefined {
    return this.near.ready(obsid);
  }

  /** Keeps the spectra around `index` of `obsids` (decoding the missing ones) and drops the rest. */
  focus(obsids: readonly number[], index: number): void {
    this.near.focus(obsids, index);
  }

  private async load(obsid: number): Promise<PlotSpectrum> {
    // The worker starts (fetching and compiling its script) while the bytes are on their way:
    // the first spectrum of a session waits for the slower of the two, not for both in turn.
    this.startWorker();
    const bytes = await api.readSpectrum({ obsid });
    return this.decode(obsid, bytes);
  }

  /**
   * Starts the worker before any spectrum is asked for (the batch list calls it once shown), so
   * fetching and compiling its script is off the path from opening a batch to its first spectrum.
   */
  warm(): void {
    this.startWorker();
  }

  decode(obsid: number, bytes: Uint8Array): Promise<PlotSpectrum> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    // Transfer only a buffer the view owns whole; an IPC view into a larger buffer is copied.
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
    const request: DecodeRequest = { id, obsid, bytes: own };
    return new Promise<PlotSpectrum>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage(request, [own.buffer as ArrayBuffer]);
    });
  }

  private ensureWorker(): Worker {
    if (this.worker && this.decodesOnWorker >= DECODES_PER_WORKER && this.pending.size === 0) {
      this.worker.terminate();
      this.worker = null;
    }
    const w = this.startWorker();
    this.decodesOnWorker++;
    return w;
  }

  private startWorker(): Worker {
    if (this.worker) return this.worker;
    this.decodesOnWorker = 0;
    const w = new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module', name: 'spectrum-decoder' });
    w.onmessage = (e: MessageEvent<DecodeReply>) => this.settle(e.data);
    w.onerror = (e) => this.failAll(`the spectrum decoder stopped: ${e.message || 'worker error'}`);
    this.worker = w;
    return w;
  }

  private settle(reply: DecodeReply): void {
    const p = this.pending.get(reply.id);
    if (!p) return;
    this.pending.delete(reply.id);
    if (reply.ok) {
      if (this.decodeTimes.length < 10_000) this.decodeTimes.push(reply.ms);
      p.resolve(reply.spectrum);
    } else {
      p.reject(new Error(reply.message));
    }
  }

  private failAll(message: string): void {
    for (const p of this.pending.values()) p.reject(new Error(message));
    this.pending.clear();
    this.worker?.terminate();
    this.worker = null;
  }
}

export const decoder = new SpectrumDecoder();

export function decodeErrorText(obsid: number, err: unknown): string {
  // The decoder names the file it was given ("spectrum N: …"); the line already does.
  const why = messageOf(err).replace(`spectrum ${obsid}: `, '');
  return `spectrum ${obsid} cannot be shown: ${why}`;
}
