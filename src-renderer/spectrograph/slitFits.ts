/**
 * The assistant in the spectrograph view: every fibre's spectrum fitted in the assistant's
 * worker (assistant/pageFits.ts, one at a time, never on the page's thread), the fibres in
 * view first — the cursor's, then the rest of the view, then outward from it — re-ordered as
 * the view scrolls, and the queue dropped when the view is left.
 */
import { useEffect, useMemo } from 'react';
import { fitPage, stopFits, usePageFits, type ThumbFit } from '../assistant/pageFits';
import { FIBERS_PER_SPECTROGRAPH, type Item } from '../../shared/model';
import { fitOrder } from './fitOrder';

/**
 * Keeps the worker fitting `toFit` (this spectrograph's fibres, or none yet) in view order;
 * the summaries of all `items` by fibre.
 */
export function useSlitFits(toFit: readonly Item[], items: readonly Item[], first: number, rows: number, cursor: number): (ThumbFit | undefined)[] {
  useEffect(() => fitPage(fitOrder(toFit, first, rows, cursor)), [toFit, first, rows, cursor]);
  useEffect(() => stopFits, []);
  const byObsid = usePageFits((s) => s.byObsid);
  return useMemo(() => {
    const out: (ThumbFit | undefined)[] = new Array(FIBERS_PER_SPECTROGRAPH + 1);
    for (const it of items) out[it.fiberid] = byObsid.get(it.obsid);
    return out;
  }, [items, byObsid]);
}
