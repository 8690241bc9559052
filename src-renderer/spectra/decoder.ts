/**
 * Spectra for the review screen: bytes from the API, decoded in a Web Worker, the typed arrays
 * handed back as transferables. The spectra around the current one are decoded ahead, and only
 * those are kept, so paging through thousands never grows memory. The assistant's fit takes
 * its input from here too (assistant/fitter.ts): each file is read and decoded once.
 *
 * A spectrum the window lets go of is a spare: its buffer goes back to the worker with the
 * next request and returns holding that spectrum (decode.worker.ts). Sent away, the old
 * spectrum's arrays are empty (detached), never another spectrum's pixels; nothing holds them
 * by then — the view shows the current spectrum, which the window keeps (useSpectrum.ts).
 */
import { api } from '../api';
import { messageOf } from '../api/apiCallError';
import { WorkLine } from './workLine';
import { KeptNear } from './keptNear';
import type { DecodeRequest, PlotSpectrum } from './plotSpectrum';
import { WorkerCalls } from './workerCalls';

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
/**
 * Spares kept at most (~0.9 MB): about one is let go of, and one asked for, per key — more
 * at once when keys came faster than the frames that move the window.
 */
const SPARES = 8;

export class SpectrumDecoder {
  private readonly calls = new WorkerCalls<DecodeRequest, PlotSpectrum>({
    start: () => new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module', name: 'spectrum-decoder' }),
    stopped: 'the spectrum decoder stopped',
    callsPerWorker: DECODES_PER_WORKER,
  });
  private readonly near = new KeptNear((obsid, kept, ahead) => this.load(obsid, kept, ahead), AHEAD, BEHIND, (s) => this.keepSpare(s));
  private readonly spares: ArrayBuffer[] = [];
  /** The window's decodes, two in the worker at a time: the one waited for first (workLine.ts). */
  private readonly line = new WorkLine(2);

  get(obsid: number): Promise<PlotSpectrum> {
    return this.near.get(obsid);
  }

  /** The spectrum if it is kept and decoded already (the key's render shows it at once); else undefined. */
  ready(obsid: number): PlotSpectrum | undefined {
    return this.near.ready(obsid);
  }

  /** Whether `obsid` is kept (decoded, or on its way): get() joins it rather than reading again. */
  keeps(obsid: number): boolean {
    return this.near.has(obsid);
  }

  /** Keeps the spectra around `index` of `obsids` (decoding the missing ones) and drops the rest. */
  focus(obsids: readonly number[], index: number): void {
    this.near.focus(obsids, index);
  }

  /** Read and decoded, not kept here (the caller keeps what it needs). */
  async readAndDecode(obsid: number): Promise<PlotSpectrum> {
    return this.decode(obsid, await this.read(obsid));
  }

  /**
   * Starts the worker before any spectrum is asked for (the batch list calls it once shown), so
   * fetching and compiling its script is off the path from opening a batch to its first spectrum.
   */
  warm(): void {
    void this.calls.start();
  }

  /** `spare`: a buffer to decode into (handed away: nothing may use it after). */
  decode(obsid: number, bytes: Uint8Array, spare?: ArrayBuffer): Promise<PlotSpectrum> {
    // Transfer only a buffer the view owns whole; an IPC view into a larger buffer is copied.
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
    const transfer = [own.buffer as ArrayBuffer];
    if (spare) transfer.push(spare);
    return this.calls.call({ obsid, bytes: own, spare: spare ?? null }, transfer);
  }

  /** Whether `s` is the window's spectrum for its obsid (not let go of: its arrays stay whole). */
  holds(s: PlotSpectrum): boolean {
    return this.near.ready(s.obsid) === s;
  }

  /**
   * A spectrum for the window, decoded into a spare in its turn: a read-ahead (`ahead`) after
   * the one the reviewer waits for, and not at all once the window has let it go (`kept`).
   */
  private async load(obsid: number, kept: () => boolean, ahead: boolean): Promise<PlotSpectrum> {
    const bytes = await this.read(obsid);
    return this.line.take(() => this.decode(obsid, bytes, this.spares.pop()), !ahead, kept);
  }

  private read(obsid: number): Promise<Uint8Array> {
    // The worker starts (fetching and compiling its script) while the bytes are on their way:
    // the first spectrum of a session waits for the slower of the two, not for both in turn.
    this.warm();
    return api.readSpectrum({ obsid });
  }

  private keepSpare(s: PlotSpectrum): void {
    if (this.spares.length < SPARES) this.spares.push(s.wavelength.buffer as ArrayBuffer);
  }
}

export const decoder = new SpectrumDecoder();

export function decodeErrorText(obsid: number, err: unknown): string {
  // The decoder names the file it was given ("spectrum N: …"); the line already does.
  const why = messageOf(err).replace(`spectrum ${obsid}: `, '');
  return `spectrum ${obsid} cannot be shown: ${why}`;
}
