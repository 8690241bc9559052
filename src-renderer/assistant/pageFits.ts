/**
 * The browse grid's and the spectrograph view's ≠fit marks: the spectra on screen fitted in
 * the assistant's worker in the order given, through the fitter's one queue (fitter.ts: one fit
 * at a time, a fit no longer wanted dropped at its turn), and only a summary kept — whether the
 * fit disagrees with the pipeline (shared/agreement.ts, the one rule for every ≠) and what it
 * says. A new order (another page, the spectrograph scrolled) is all that is wanted from then
 * on; leaving the view wants none (`stopFits`); what was fitted stays (bounded) for coming back.
 *
 * Thumbnails first: an order's fits are queued once none of its thumbnails is still to come
 * (they are what the reviewer looks at; on a busy machine the fits would slow them), and the
 * first fits take the spectrum the thumbnail decoded instead of reading it again.
 */
import { create } from 'zustand';
import { disagrees } from '../../shared/agreement';
import type { Item } from '../../shared/model';
import type { ThumbnailStore } from '../spectra/thumbnailStore';
import type { FitResult } from '../../shared/fit';
import { pagedPast } from '../spectra/workLine';
import { fitErrorText, fitter } from './fitter';
import { zText } from './zText';

export interface ThumbFit {
  /** False when there is no fit (the text says why). */
  fitted: boolean;
  disagrees: boolean;
  /** "GALAXY z 0.2311 ± 0.0001", or why there is no fit. */
  text: string;
}

/** Summaries kept: a few pages' worth, or a spectrograph's 250 fibres and more. */
const KEEP = 400;
/**
 * Decoded spectra held for the fits, the first in fit order: the largest browse page (10 × 10)
 * whole, the spectrograph's view and more. ~110 kB each, so at most ~11 MB while the
 * thumbnails load; the rest of a spectrograph's 250 are read and decoded again when their turn
 * comes rather than all held (~27 MB).
 */
const HOLD = 100;

export const usePageFits = create<{ byObsid: ReadonlyMap<number, ThumbFit> }>(() => ({ byObsid: new Map() }));

/** Counts the orders: a fit queued for an earlier one is no longer wanted. */
let order = 0;
/** Where the thumbnails of the spectra to fit come from (what the fits wait for and take). */
let thumbs: ThumbnailStore | null = null;

/**
 * Fits the given spectra that have no summary yet, in this order, instead of any earlier
 * order, once `from` has their thumbnails. Call it after `from.want(...)`, so the fits see
 * those thumbnails coming.
 */
export function fitPage(items: readonly Item[], from: ThumbnailStore): void {
  const mine = ++order;
  const have = usePageFits.getState().byObsid;
  const todo = items.filter((it) => !have.has(it.obsid));
  if (thumbs && thumbs !== from) thumbs.hold([]);
  thumbs = from;
  from.hold(todo.slice(0, HOLD).map((it) => it.obsid));
  void queueAfterThumbnails(todo, new Set(items.map((it) => it.obsid)), from, mine);
}

/** The view is left: nothing more is wanted (the one fit in the worker finishes and is kept). */
export function stopFits(): void {
  order++;
  thumbs?.hold([]);
}

async function queueAfterThumbnails(todo: readonly Item[], of: ReadonlySet<number>, from: ThumbnailStore, mine: number): Promise<void> {
  // At least one turn first: a view's want() of this render may not have run yet.
  do {
    await from.idle(of);
  } while (from.loadingAny(of));
  const wanted = (obsid: number) => () => mine === order && !usePageFits.getState().byObsid.has(obsid);
  for (const it of todo) {
    void fitter.fitOnce(it.obsid, wanted(it.obsid), () => from.take(it.obsid)).then(
      (fit) => keep(it.obsid, summaryOf(it, fit)),
      (err: unknown) => pagedPast(err) || keep(it.obsid, { fitted: false, disagrees: false, text: fitErrorText(it.obsid, err) }),
    );
  }
}

function summaryOf(item: Item, fit: FitResult): ThumbFit {
  if (!fit.ok) return { fitted: false, disagrees: false, text: fit.reason };
  const b = fit.best;
  const p = item.pipeline;
  return { fitted: true, disagrees: disagrees({ class: p.class, z: p.z }, { class: b.class, z: b.z }), text: `${b.class} ${b.subclass ?? ''} ${b.class === 'STAR' ? 'cz' : 'z'} ${zText(b)}`.replace(/\s+/g, ' ') };
}

function keep(obsid: number, fit: ThumbFit): void {
  const next = new Map(usePageFits.getState().byObsid);
  next.set(obsid, fit);
  for (const old of next.keys()) {
    if (next.size <= KEEP) break;
    next.delete(old);
  }
  usePageFits.setState({ byObsid: next });
}
