/**
 * Thumbnails for the views that show many spectra at once: fetched and decoded (in the worker)
 * a few at a time, reduced (thumbnail.ts), and kept only while wanted, so paging through
 * thousands keeps memory flat. A failed spectrum is kept as its one-line reason. The decoded
 * spectra of a few chosen ones (`hold`) are kept whole for the assistant's fits, which wait
 * for the thumbnails (`idle`) and so need not read and decode the files again.
 */
import { api } from '../api';
import { decodeErrorText, decoder } from './decoder';
import type { PlotSpectrum } from './plotSpectrum';
import { thumbnailOf, type Thumbnail } from './thumbnail';

export type ThumbnailState = { state: 'ready'; thumb: Thumbnail } | { state: 'error'; message: string };

/** Requests in flight at once: enough to keep the worker busy, few enough that the nearest come first. */
const IN_FLIGHT = 6;

export class ThumbnailStore {
  private readonly kept = new Map<number, ThumbnailState>();
  private queue: number[] = [];
  private readonly loading = new Set<number>();
  private readonly listeners = new Set<() => void>();
  private wanted = new Set<number>();
  private holding = new Set<number>();
  private readonly held = new Map<number, PlotSpectrum>();
  private idleWaiters: { of: ReadonlySet<number>; resolve: () => void }[] = [];

  /** `read`: where the bytes come from — the reviewer's batches by default, the desk's own reader for a problem report. */
  constructor(private readonly read: (obsid: number) => Promise<Uint8Array> = (obsid) => api.readSpectrum({ obsid })) {}

  get(obsid: number): ThumbnailState | undefined {
    return this.kept.get(obsid);
  }

  /** Keeps exactly these (loading the missing ones, in the order given) and drops the rest. */
  want(obsids: readonly number[]): void {
    this.wanted = new Set(obsids);
    for (const o of [...this.kept.keys()]) if (!this.wanted.has(o)) this.kept.delete(o);
    this.queue = obsids.filter((o) => !this.kept.has(o) && !this.loading.has(o));
    this.pump();
  }

  /** Starts no more loads (those in flight finish) until the next want(); what is kept stays. */
  stopLoading(): void {
    this.queue = [];
    this.wakeIdle();
  }

  /**
   * Keeps the whole decoded spectrum of these (when their thumbnail is made from now on) for
   * `take`; replaces the earlier set, dropping what it held that is not in this one.
   */
  hold(obsids: readonly number[]): void {
    this.holding = new Set(obsids);
    for (const o of [...this.held.keys()]) if (!this.holding.has(o)) this.held.delete(o);
  }

  /** The held decoded spectrum of `obsid`, handed over (no longer held); undefined if none. */
  take(obsid: number): PlotSpectrum | undefined {
    const s = this.held.get(obsid);
    this.held.delete(obsid);
    this.holding.delete(obsid);
    return s;
  }

  /** Whether any of `of` is waiting to load or loading. */
  loadingAny(of: ReadonlySet<number>): boolean {
    return this.queue.some((o) => of.has(o)) || [...this.loading].some((o) => of.has(o));
  }

  /** Resolves once none of `of` is waiting to load or loading (at once if none is). */
  idle(of: ReadonlySet<number>): Promise<void> {
    if (!this.loadingAny(of)) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push({ of, resolve }));
  }

  /** Called after each thumbnail arrives; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private pump(): void {
    while (this.loading.size < IN_FLIGHT && this.queue.length > 0) {
      const obsid = this.queue.shift()!;
      this.loading.add(obsid);
      void this.load(obsid).then((s) => {
        this.loading.delete(obsid);
        if (this.wanted.has(obsid)) {
          this.kept.set(obsid, s);
          for (const l of this.listeners) l();
        }
        this.pump();
      });
    }
    this.wakeIdle();
  }

  private wakeIdle(): void {
    const waiting = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiting) {
      if (this.loadingAny(w.of)) this.idleWaiters.push(w);
      else w.resolve();
    }
  }

  private async load(obsid: number): Promise<ThumbnailState> {
    try {
      const bytes = await this.read(obsid);
      const spectrum = await decoder.decode(obsid, bytes);
      if (this.holding.has(obsid)) this.held.set(obsid, spectrum);
      return { state: 'ready', thumb: thumbnailOf(spectrum) };
    } catch (err) {
      return { state: 'error', message: decodeErrorText(obsid, err) };
    }
  }
}
