/**
 * The assistant in the spectrograph view: every fibre's spectrum fitted in the assistant's
 * worker (assistant/pageFits.ts, one at a time, never on the page's thread), the fibres in
 * view first — the cursor's, then the rest of the view, then outward from it — re-ordered as
 * the view scrolls, and the queue dropped when the view is left. The fits start once every
 * fibre's thumbnail is in (the strip shows them all): the one queue's priority, not a gate here.
 */
import { useEffect, useMemo } from 'react';
import { fitPage, stopFits, usePageFits, type ThumbFit } from '../assistant/pageFits';
import type { Item } from '../../shared/model';
import { FIBERS_PER_SPECTROGRAPH } from '../../shared/modelConstants';
import type { ThumbnailStore } from '../spectra/thumbnailStore';
import { fitOrder } from './fitOrder';

/**
 * Keeps the worker fitting this spectrograph's `items` in view order, each once its thumbnail
 * from `thumbs` is in (pageFits.ts); the summaries by fibre. Called after the view's want().
 */
export function useSlitFits(items: readonly Item[], thumbs: ThumbnailStore, first: number, rows: number, cursor: number): (ThumbFit | undefined)[] {
  useEffect(() => fitPage(fitOrder(items, first, rows, cursor), thumbs), [items, thumbs, first, rows, cursor]);
  useEffect(() => stopFits, []);
  const byObsid = usePageFits((s) => s.byObsid);
  return useMemo(() => {
    const out: (ThumbFit | undefined)[] = new Array(FIBERS_PER_SPECTROGRAPH + 1);
    for (const it of items) out[it.fiberid] = byObsid.get(it.obsid);
    return out;
  }, [items, byObsid]);
}
