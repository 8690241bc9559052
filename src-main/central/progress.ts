/**
 * Progress for a period, the coordinator's "how far are we": per reviewer and per batch the
 * done / total of their batches, verdicts per day and the median time per spectrum; per plan
 * and per night the share of spectra checked and the share the reviewers corrected (how often
 * the pipeline was wrong), by the pipeline's class. The CLI (`specvet progress`) and the
 * coordinator's screen call this same function.
 *
 * The period means the work done in it for reviewers and batches (verdicts made from `from`
 * to `to`), and the nights observed in it for plans and nights (checked by now).
 */
import { SPEC_CLASSES, type SpecClass } from '../../shared/model';
import type { Queryable } from './connection';
import { isDate } from './batches';
import { listBatches, type BatchProgressRow } from './batchList';
import { planClassCounts, refreshDays, verdictGaps, verdictsPerDay, type DayCount, type GapCount, type Period, type PlanClassCount } from './progressQueries';

export type { Period } from './progressQueries';

export const PROGRESS_VIEWS = ['reviewer', 'batch', 'plan', 'night'] as const;
export type ProgressView = (typeof PROGRESS_VIEWS)[number];

export interface DayVerdicts {
  day: string;
  verdicts: number;
}

/** Work in the period (verdicts, per day, median seconds between verdicts) and where it stands. */
export interface Work {
  done: number;
  total: number;
  /** Verdicts made in the period (a changed verdict is one more). */
  verdicts: number;
  /** Days with verdicts, in order. */
  perDay: DayVerdicts[];
  /** Median seconds from a reviewer's verdict to their next (pauses over 10 min left out); null: too few. */
  medianSeconds: number | null;
}

export interface ReviewerProgress extends Work {
  reviewer: string;
  /** Active batches not yet done. */
  openBatches: number;
}

export interface BatchProgress extends Work, Omit<BatchProgressRow, 'done' | 'total'> {}

export interface Share {
  total: number;
  checked: number;
  corrected: number;
}

export interface CheckedShare extends Share {
  /** The same by the pipeline's class: how often it was wrong for each. */
  byClass: Record<SpecClass, Share>;
}

export interface PlanProgress extends CheckedShare {
  obsdate: string;
  lmjd: number;
  planid: string;
}

export interface NightProgress extends CheckedShare {
  obsdate: string;
  plans: number;
}

export type ProgressReport = Period &
  ({ by: 'reviewer'; rows: ReviewerProgress[] } | { by: 'batch'; rows: BatchProgress[] } | { by: 'plan'; rows: PlanProgress[] } | { by: 'night'; rows: NightProgress[] });

/** The default period: the 30 days up to and including `today`. */
export function lastDays(today: Date, days = 30): Period {
  const to = today.toISOString().slice(0, 10);
  const from = new Date(today.getTime() - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  return { from, to };
}

export function periodProblem(p: Period): string | null {
  for (const [k, v] of [['from', p.from], ['to', p.to]] as const) if (!isDate(v)) return `--${k} must be a date YYYY-MM-DD, got "${v}"`;
  return p.from > p.to ? `--from ${p.from} is after --to ${p.to}` : null;
}

export async function progress(db: Queryable, period: Period, by: ProgressView): Promise<ProgressReport> {
  const problem = periodProblem(period);
  if (problem) throw new RangeError(problem);
  if (by === 'plan' || by === 'night') {
    const plans = plansOf(await planClassCounts(db, period));
    return by === 'plan' ? { ...period, by, rows: plans } : { ...period, by, rows: nightsOf(plans) };
  }
  const [batches, [days, gaps]] = await Promise.all([listBatches(db, { state: 'all' }), workOf(db, period)]);
  return by === 'batch' ? { ...period, by, rows: byBatch(batches, days, gaps) } : { ...period, by, rows: byReviewer(batches, days, gaps) };
}

async function workOf(db: Queryable, period: Period): Promise<[DayCount[], GapCount[]]> {
  await refreshDays(db);
  return Promise.all([verdictsPerDay(db, period), verdictGaps(db, period)]);
}

function work(days: readonly DayCount[], gaps: readonly GapCount[]): Omit<Work, 'done' | 'total'> {
  const perDay = new Map<string, number>();
  for (const d of days) perDay.set(d.day, (perDay.get(d.day) ?? 0) + d.verdicts);
  return {
    verdicts: days.reduce((n, d) => n + d.verdicts, 0),
    perDay: [...perDay].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, verdicts]) => ({ day, verdicts })),
    medianSeconds: medianOf(gaps),
  };
}

/** The median of a histogram of whole seconds (the mean of the middle two for an even count). */
export function medianOf(gaps: readonly Pick<GapCount, 'seconds' | 'count'>[]): number | null {
  const n = gaps.reduce((s, g) => s + g.count, 0);
  if (n === 0) return null;
  const sorted = [...gaps].sort((a, b) => a.seconds - b.seconds);
  const at = (k: number) => {
    let seen = 0;
    for (const g of sorted) {
      seen += g.count;
      if (seen > k) return g.seconds;
    }
    return sorted[sorted.length - 1]!.seconds;
  };
  return n % 2 === 1 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
}

const groupBy = <T>(rows: readonly T[], key: (r: T) => string) => {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
};

function byBatch(batches: readonly BatchProgressRow[], days: readonly DayCount[], gaps: readonly GapCount[]): BatchProgress[] {
  const dayOf = groupBy(days, (d) => d.batchId);
  const gapOf = groupBy(gaps, (g) => g.batchId);
  return batches
    .filter((b) => b.state === 'active' || dayOf.has(b.id))
    .map((b) => ({ ...b, ...work(dayOf.get(b.id) ?? [], gapOf.get(b.id) ?? []) }));
}

function byReviewer(batches: readonly BatchProgressRow[], days: readonly DayCount[], gaps: readonly GapCount[]): ReviewerProgress[] {
  const active = groupBy(batches.filter((b) => b.state === 'active'), (b) => b.assignee);
  const dayOf = groupBy(days, (d) => d.reviewer);
  const gapOf = groupBy(gaps, (g) => g.reviewer);
  const reviewers = [...new Set([...active.keys(), ...dayOf.keys()])].sort();
  return reviewers.map((reviewer) => {
    const mine = active.get(reviewer) ?? [];
    return {
      reviewer,
      done: mine.reduce((n, b) => n + b.done, 0),
      total: mine.reduce((n, b) => n + b.total, 0),
      openBatches: mine.filter((b) => b.done < b.total).length,
      ...work(dayOf.get(reviewer) ?? [], gapOf.get(reviewer) ?? []),
    };
  });
}

const noShares = (): Record<SpecClass, Share> =>
  Object.fromEntries(SPEC_CLASSES.map((c) => [c, { total: 0, checked: 0, corrected: 0 }])) as Record<SpecClass, Share>;

function addShare(into: CheckedShare, c: SpecClass, s: Share): void {
  for (const k of ['total', 'checked', 'corrected'] as const) {
    into[k] += s[k];
    into.byClass[c][k] += s[k];
  }
}

function plansOf(rows: readonly PlanClassCount[]): PlanProgress[] {
  const plans = new Map<string, PlanProgress>();
  for (const r of rows) {
    const key = `${r.lmjd}\u0000${r.planid}`;
    let plan = plans.get(key);
    if (!plan) plans.set(key, (plan = { obsdate: r.obsdate, lmjd: r.lmjd, planid: r.planid, total: 0, checked: 0, corrected: 0, byClass: noShares() }));
    addShare(plan, r.class, r);
  }
  return [...plans.values()];
}

function nightsOf(plans: readonly PlanProgress[]): NightProgress[] {
  const nights = new Map<string, NightProgress>();
  for (const p of plans) {
    let night = nights.get(p.obsdate);
    if (!night) nights.set(p.obsdate, (night = { obsdate: p.obsdate, plans: 0, total: 0, checked: 0, corrected: 0, byClass: noShares() }));
    night.plans++;
    for (const c of SPEC_CLASSES) addShare(night, c, p.byClass[c]);
  }
  return [...nights.values()];
}
