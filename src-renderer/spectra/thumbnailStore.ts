/**
 * Thumbnails for the views that show many spectra at once: fetched and decoded (in the worker)
 * a few at a time, reduced (thumbnail.ts), and kept only while wanted, so paging through
 * thousands keeps memory flat. A failed spectrum is kept as its one-line reason.
 */
import { api } from '../api';
import { decodeErrorText, decoder } from './decoder';
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
  }

  private async load(obsid: number): Promise<ThumbnailState> {
    try {
      const bytes = await this.read(obsid);
      return { state: 'ready', thumb: thumbnailOf(await decoder.decode(obsid, bytes)) };
    } catch (err) {
      return { state: 'error', message: decodeErrorText(obsid, err) };
    }
  }
}
