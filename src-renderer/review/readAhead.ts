/**
 * The first spectrum of the single batches in the list, read and decoded as soon as the list
 * arrives, while it is drawn and the reviewer picks: opening one of them then waits for no
 * file and no decode (issue 13, navigation → first spectrum). A few files, the batch at the
 * list's cursor first. The decoder keeps them (its window lets them go once a batch is open).
 * Browse and spectrograph batches open on screens of their own, not on one spectrum.
 */
import type { BatchSummary, Item } from '../../shared/model';
import { api } from '../api';
import { decoder } from '../spectra/decoder';

/** Single batches read ahead at most: each costs a listItems and one file. */
const BATCHES = 3;

/** listItems asked for and not answered yet, by batch. */
const onTheirWay = new Map<string, Promise<Item[]>>();

/**
 * A batch's items. One listItems already on its way (the read-ahead's, when the batch is
 * opened the moment the list shows) is joined rather than asked again; an answered one is
 * never reused, so an opened batch always shows the verdicts as the host holds them now.
 */
export function listItems(batchId: string): Promise<Item[]> {
  const pending = onTheirWay.get(batchId);
  if (pending) return pending;
  const asked = api.listItems({ batchId });
  onTheirWay.set(batchId, asked);
  const answered = () => void (onTheirWay.get(batchId) === asked && onTheirWay.delete(batchId));
  asked.then(answered, answered);
  return asked;
}

/** Where a batch opens: its bookmark, else its first spectrum without a verdict. */
export function startOf(batch: BatchSummary, items: readonly Item[]): number {
  const unreviewed = items.findIndex((it) => it.verdict === null);
  return Math.min(batch.bookmark ?? Math.max(0, unreviewed), items.length - 1);
}

/** Reads and decodes where each of the first few single batches opens, the one at `cursor` first. */
export function readAheadFirstSpectra(batches: readonly BatchSummary[], cursor: number): void {
  const atCursor = batches[cursor];
  const order = atCursor ? [atCursor, ...batches.filter((b) => b !== atCursor)] : batches;
  for (const batch of order.filter((b) => b.mode === 'single' && b.itemCount > 0).slice(0, BATCHES)) {
    // A failure here is no one's to see: opening the batch asks again and says why.
    listItems(batch.id)
      .then((items) => {
        // One not in the cache would only be refused (and logged by the browser as a failed load).
        const first = items[startOf(batch, items)];
        return first?.cached ? decoder.get(first.obsid) : undefined;
      })
      .catch(() => undefined);
  }
}

/** Starts the decoder's worker (its script fetched and compiled) before the list's answer, so the spectra read ahead find it running. */
export function warmDecoder(): void {
  decoder.warm();
}
