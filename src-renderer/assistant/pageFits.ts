/**
 * The browse grid's and the spectrograph view's ≠fit marks: the spectra on screen fitted in
 * the assistant's worker, one at a time in the order given, and only a summary kept — whether
 * the fit disagrees with the pipeline (shared/agreement.ts, the one rule for every ≠) and what
 * it says. A new order (another page, the spectrograph scrolled) replaces the queue; leaving
 * the view empties it (`stopFits`); what was fitted stays (bounded) for coming back.
 *
 * One queue, thumbnails first: no fit starts while a thumbnail of the spectra to fit is still
 * to come (they are what the reviewer looks at; on a busy machine the fits would slow them),
 * and the first fits take the spectrum the thumbnail decoded instead of reading it again.
 */
import { create } from 'zustand';
import { disagrees } from '../../shared/agreement';
import type { Item } from '../../shared/model';
import type { ThumbnailStore } from '../spectra/thumbnailStore';
import type { FitArrays } from './fitMessages';
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

let queue: Item[] = [];
/** Where the thumbnails of the spectra to fit come from (what the fits wait for and take). */
let thumbs: ThumbnailStore | null = null;
let waitFor: ReadonlySet<number> = new Set();
/** The spectrum in the worker now, if any: not queued again by a new order. */
let fitting: number | null = null;
let draining = false;

/**
 * Fits the given spectra that have no summary yet, in this order, dropping any earlier queue,
 * once `from` has their thumbnails. Call it after `from.want(...)`, so the fits see those
 * thumbnails coming.
 */
export function fitPage(items: readonly Item[], from: ThumbnailStore): void {
  const have = usePageFits.getState().byObsid;
  queue = items.filter((it) => !have.has(it.obsid) && it.obsid !== fitting);
  if (thumbs && thumbs !== from) thumbs.hold([]);
  thumbs = from;
  waitFor = new Set(items.map((it) => it.obsid));
  from.hold(queue.slice(0, HOLD).map((it) => it.obsid));
  if (!draining) void drain();
}

/** The view is left: nothing more is started (the one fit in the worker finishes and is kept). */
export function stopFits(): void {
  queue = [];
  thumbs?.hold([]);
}

async function drain(): Promise<void> {
  draining = true;
  try {
    for (;;) {
      // At least one turn first: a view's want() of this render may not have run yet.
      do {
        await thumbs?.idle(waitFor);
      } while (thumbs?.loadingAny(waitFor));
      const it = queue.shift();
      if (!it) break;
      fitting = it.obsid;
      keep(it.obsid, await summary(it, thumbs?.take(it.obsid)));
      fitting = null;
    }
  } finally {
    fitting = null;
    draining = false;
  }
}

async function summary(item: Item, decoded: FitArrays | undefined): Promise<ThumbFit> {
  try {
    const fit = await fitter.fitOnce(item.obsid, decoded);
    if (!fit.ok) return { fitted: false, disagrees: false, text: fit.reason };
    const b = fit.best;
    const p = item.pipeline;
    return { fitted: true, disagrees: disagrees({ class: p.class, z: p.z }, { class: b.class, z: b.z }), text: `${b.class} ${b.subclass ?? ''} ${b.class === 'STAR' ? 'cz' : 'z'} ${zText(b)}`.replace(/\s+/g, ' ') };
  } catch (err) {
    return { fitted: false, disagrees: false, text: fitErrorText(item.obsid, err) };
  }
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
