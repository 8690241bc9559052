/**
 * The browse grid's marks: each thumbnail on the page fitted in the assistant's worker, one at
 * a time in page order, and only a summary kept — whether the fit disagrees with the pipeline
 * (shared/agreement.ts, the one rule for every ≠) and what it says. A page left behind stops
 * being fitted; what was fitted stays (bounded) for PgUp.
 */
import { create } from 'zustand';
import { disagrees } from '../../shared/agreement';
import type { Item } from '../../shared/model';
import { fitErrorText, fitter } from './fitter';
import { zText } from './zText';

export interface ThumbFit {
  disagrees: boolean;
  /** "GALAXY z 0.2311 ± 0.0001", or why there is no fit. */
  text: string;
}

/** Summaries kept: a few pages' worth. */
const KEEP = 400;

export const usePageFits = create<{ byObsid: ReadonlyMap<number, ThumbFit> }>(() => ({ byObsid: new Map() }));

let queue: Item[] = [];
let running = false;

/** Fits the spectra of the page on screen that have no summary yet, dropping any other page's queue. */
export function fitPage(items: readonly Item[]): void {
  const have = usePageFits.getState().byObsid;
  queue = items.filter((it) => !have.has(it.obsid));
  if (!running) void drain();
}

async function drain(): Promise<void> {
  running = true;
  try {
    for (let it = queue.shift(); it; it = queue.shift()) keep(it.obsid, await summary(it));
  } finally {
    running = false;
  }
}

async function summary(item: Item): Promise<ThumbFit> {
  try {
    const fit = await fitter.fitOnce(item.obsid);
    if (!fit.ok) return { disagrees: false, text: fit.reason };
    const b = fit.best;
    const p = item.pipeline;
    return { disagrees: disagrees({ class: p.class, z: p.z }, { class: b.class, z: b.z }), text: `${b.class} ${b.subclass ?? ''} ${b.class === 'STAR' ? 'cz' : 'z'} ${zText(b)}`.replace(/\s+/g, ' ') };
  } catch (err) {
    return { disagrees: false, text: fitErrorText(item.obsid, err) };
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
