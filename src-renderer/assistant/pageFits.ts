/**
 * The browse grid's and the spectrograph view's ≠fit marks: the spectra on screen fitted in
 * the assistant's worker, one at a time in the order given, and only a summary kept — whether
 * the fit disagrees with the pipeline (shared/agreement.ts, the one rule for every ≠) and what
 * it says. A new order (another page, the spectrograph scrolled) replaces the queue; leaving
 * the view empties it (`stopFits`); what was fitted stays (bounded) for coming back.
 */
import { create } from 'zustand';
import { disagrees } from '../../shared/agreement';
import type { Item } from '../../shared/model';
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

export const usePageFits = create<{ byObsid: ReadonlyMap<number, ThumbFit> }>(() => ({ byObsid: new Map() }));

let queue: Item[] = [];
/** The spectrum in the worker now, if any: not queued again by a new order. */
let fitting: number | null = null;

/** Fits the given spectra that have no summary yet, in this order, dropping any earlier queue. */
export function fitPage(items: readonly Item[]): void {
  const have = usePageFits.getState().byObsid;
  queue = items.filter((it) => !have.has(it.obsid) && it.obsid !== fitting);
  if (fitting === null) void drain();
}

/** The view is left: nothing more is started (the one fit in the worker finishes and is kept). */
export function stopFits(): void {
  queue = [];
}

async function drain(): Promise<void> {
  try {
    for (let it = queue.shift(); it; it = queue.shift()) {
      fitting = it.obsid;
      keep(it.obsid, await summary(it));
    }
  } finally {
    fitting = null;
  }
}

async function summary(item: Item): Promise<ThumbFit> {
  try {
    const fit = await fitter.fitOnce(item.obsid);
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
