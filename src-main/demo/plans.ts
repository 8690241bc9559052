/**
 * The observing layout of the synthetic survey: one plan per night, 16 spectrographs × 250
 * fibres, sky and flux-standard fibres at fixed places on each slit (as LAMOST assigns
 * them), and — when fewer spectra than whole plans are asked for — a realistic subset:
 * several spectrographs per plan, each with one contiguous run of fibres, so the
 * spectrograph view has neighbours to compare.
 */
import { FIBERS_PER_SPECTROGRAPH, SPECTROGRAPHS } from '../../shared/model';
import type { PlanInfoRow } from '../survey/bundle';
import type { Random } from './random';

// The survey's own limits, so that demo spectra are always ones a problem report can name.
export { SPECTROGRAPHS };
export const FIBERS = FIBERS_PER_SPECTROGRAPH;

export type FiberType = 'Obj' | 'Sky' | 'FStd';

/** About 20 sky fibres per spectrograph, spread along the slit; 5 flux standards. */
export function fiberType(fiberid: number): FiberType {
  if (fiberid % 12 === 6) return 'Sky';
  if (fiberid % 50 === 25) return 'FStd';
  return 'Obj';
}

/** Fibres of one spectrograph that yield a spectrum file (object and standard fibres). */
export const SPECTRA_PER_SPECTROGRAPH = Array.from({ length: FIBERS }, (_, i) => fiberType(i + 1)).filter((t) => t !== 'Sky').length;

export interface FiberRun {
  spid: number;
  /** Fibres from…to inclusive, sky fibres included. */
  from: number;
  to: number;
}

export interface Plan {
  info: PlanInfoRow;
  runs: FiberRun[];
}

const PREFIXES = ['HD', 'GAC', 'EG', 'KP', 'VB'];

/** Splits `count` spectra over `nights` plans and chooses the fibre runs of each. */
export function makePlans(count: number, nights: number, rng: Random): Plan[] {
  const perPlan = SPECTROGRAPHS * SPECTRA_PER_SPECTROGRAPH;
  const n = Math.max(nights, Math.ceil(count / perPlan));
  const firstLmjd = rng.int(58_000, 59_500);
  const plans: Plan[] = [];
  let lmjd = firstLmjd;
  for (let k = 0; k < n; k++) {
    const budget = Math.floor(count / n) + (k < count % n ? 1 : 0);
    const ra = rng.uniform(0, 360);
    const dec = rng.uniform(-5, 60);
    const info: PlanInfoRow = {
      planid: planName(rng.pick(PREFIXES), ra, dec, k),
      lmjd,
      obsdate: lmjdToDate(lmjd),
      ra: round(ra, 6),
      dec: round(dec, 6),
      seeing: round(rng.uniform(2, 4.5), 2),
      moon: round(rng.next(), 2),
      science: 1,
    };
    plans.push({ info, runs: chooseRuns(budget, rng) });
    lmjd += rng.int(1, 3);
  }
  return plans;
}

/**
 * A plan holding this many spectra or more gets one whole spectrograph (all 250 fibres) as its
 * first run, so the spectrograph view shows a real slit; the rest go to partial runs as before.
 */
export const WHOLE_SPECTROGRAPH_BUDGET = SPECTRA_PER_SPECTROGRAPH + 60;

/**
 * Spectrographs and contiguous fibre runs holding `budget` spectra (all fibres when a full
 * plan). The whole spectrograph, when there is one, comes first: generate.ts plants its fault there.
 */
function chooseRuns(budget: number, rng: Random): FiberRun[] {
  if (budget < WHOLE_SPECTROGRAPH_BUDGET || budget >= SPECTROGRAPHS * SPECTRA_PER_SPECTROGRAPH) return partialRuns(budget, rng);
  const whole = rng.int(1, SPECTROGRAPHS);
  const rest = partialRuns(budget - SPECTRA_PER_SPECTROGRAPH, rng, whole);
  return [{ spid: whole, from: 1, to: FIBERS }, ...rest];
}

/** Runs over spectrographs other than `taken`, holding `budget` spectra. */
function partialRuns(budget: number, rng: Random, taken?: number): FiberRun[] {
  if (budget <= 0) return [];
  const free = SPECTROGRAPHS - (taken === undefined ? 0 : 1);
  const spectrographs = Math.min(free, Math.max(Math.min(3, budget), Math.ceil(budget / 60)));
  const all = Array.from({ length: SPECTROGRAPHS }, (_, i) => i + 1).filter((spid) => spid !== taken);
  const spids = shuffle(all, rng).slice(0, spectrographs).sort((a, b) => a - b);
  return spids.map((spid, k) => {
    const want = Math.floor(budget / spectrographs) + (k < budget % spectrographs ? 1 : 0);
    return runHolding(spid, rng.int(1, FIBERS), want);
  });
}

/** A contiguous fibre run from `start` holding `spectra` non-sky fibres, moved back from the slit's end when needed. */
function runHolding(spid: number, start: number, spectra: number): FiberRun {
  let from = start;
  let to = start - 1;
  let held = 0;
  while (held < spectra && to < FIBERS) if (fiberType(++to) !== 'Sky') held++;
  while (held < spectra && from > 1) if (fiberType(--from) !== 'Sky') held++;
  return { spid, from, to };
}

function shuffle<T>(xs: T[], rng: Random): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

/** LAMOST plan names: field centre as HHMMSS±DDMMSS plus a sequence, e.g. HD013245N254444B01. */
function planName(prefix: string, ra: number, dec: number, k: number): string {
  const h = ra / 15;
  const hms = [Math.floor(h), Math.floor((h * 60) % 60), Math.floor((h * 3600) % 60)];
  const a = Math.abs(dec);
  const dms = [Math.floor(a), Math.floor((a * 60) % 60), Math.floor((a * 3600) % 60)];
  const two = (x: number) => String(x).padStart(2, '0');
  return `${prefix}${hms.map(two).join('')}${dec < 0 ? 'S' : 'N'}${dms.map(two).join('')}B${two((k % 99) + 1)}`;
}

/** LAMOST's local MJD → the calendar date of the night (MJD 0 = 1858-11-17). */
export function lmjdToDate(lmjd: number): string {
  return new Date(Date.UTC(1858, 10, 17) + lmjd * 86_400_000).toISOString().slice(0, 10);
}

export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
