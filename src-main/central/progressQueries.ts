/**
 * The SQL behind progress: one period's verdicts counted per reviewer, batch and day, the gaps
 * between a reviewer's consecutive verdicts as a histogram (so the median is exact to the
 * second without sending every verdict to the client), and per plan and pipeline class how
 * much is checked and how much corrected. Coordinator reads only (SELECT on the check tables).
 */
import type { SpecClass } from '../../shared/model';
import type { Queryable } from './connection';

/** A gap between two verdicts longer than this is a pause, not time spent on a spectrum
 * (migration 1420 keeps the gaps up to it). */
export const BREAK_SECONDS = 600;
/** A verdict corrects the pipeline's z when |Δz|/(1+z) reaches this (as the assistant's suspects). */
export const CORRECTED_DZ = 0.0033;

/** A period of whole UTC days, YYYY-MM-DD, both included. */
export interface Period {
  from: string;
  to: string;
}


export interface DayCount {
  reviewer: string;
  batchId: string;
  day: string;
  verdicts: number;
}

// From progress_day / progress_gap (migration 1420), kept by progress_days_refresh: a period
// is a range of days there, not a window over its verdicts.
export const DAY_SQL = `SELECT reviewer, batch_id, DATE_FORMAT(day, '%Y-%m-%d') AS day, verdicts AS n
  FROM progress_day WHERE day BETWEEN ? AND ?`;

/** Folds the verdicts committed since the last call into the per-day tables (coordinator). */
export async function refreshDays(db: Queryable): Promise<void> {
  await db.query('CALL progress_days_refresh()');
}

export async function verdictsPerDay(db: Queryable, p: Period): Promise<DayCount[]> {
  const [rows] = await db.query(DAY_SQL, [p.from, p.to]);
  return (rows as Record<string, unknown>[]).map((r) => ({ reviewer: String(r.reviewer), batchId: String(r.batch_id), day: String(r.day), verdicts: Number(r.n) }));
}

export interface GapCount {
  reviewer: string;
  /** The batch of the later verdict: the time was spent on its spectrum. */
  batchId: string;
  seconds: number;
  count: number;
}

// A gap from a verdict before the period (crossing midnight into its first day) is not the period's.
export const GAP_SQL = `SELECT reviewer, batch_id, seconds AS gap, SUM(n) AS n FROM progress_gap
  WHERE day BETWEEN ? AND ? AND NOT (crossing AND day = ?) GROUP BY reviewer, batch_id, seconds`;

export const gapArgs = (p: Period) => [p.from, p.to, p.from];

export async function verdictGaps(db: Queryable, p: Period): Promise<GapCount[]> {
  const [rows] = await db.query(GAP_SQL, gapArgs(p));
  return (rows as Record<string, unknown>[]).map((r) => ({ reviewer: String(r.reviewer), batchId: String(r.batch_id), seconds: Number(r.gap), count: Number(r.n) }));
}

export interface PlanClassCount {
  obsdate: string;
  lmjd: number;
  planid: string;
  /** The pipeline's class. */
  class: SpecClass;
  total: number;
  checked: number;
  corrected: number;
}

// From spectrum_check (migration 1440, kept by plan_check_refresh): a row per checked spectrum
// (an answer — its latest recheck, else its latest verdict — or paged past in a browse batch)
// with whether it corrects the pipeline. Both sides are ranges of covering indexes per plan.
export const PLAN_SQL = `SELECT DATE_FORMAT(t.obsdate, '%Y-%m-%d') AS obsdate, t.lmjd, t.planid, t.class, t.total,
    COALESCE(c.checked, 0) AS checked, COALESCE(c.corrected, 0) AS corrected
  FROM (SELECT p.obsdate, p.lmjd, p.planid, si.class, COUNT(*) AS total
      FROM plan_info p JOIN spec_info si ON si.lmjd = p.lmjd AND si.planid = p.planid
      WHERE p.obsdate BETWEEN ? AND ? GROUP BY p.obsdate, p.lmjd, p.planid, si.class) t
  LEFT JOIN (SELECT s.lmjd, s.planid, s.class, COUNT(*) AS checked, SUM(s.corrected) AS corrected
      FROM plan_info p JOIN spectrum_check s ON s.lmjd = p.lmjd AND s.planid = p.planid
      WHERE p.obsdate BETWEEN ? AND ? GROUP BY s.lmjd, s.planid, s.class) c
    ON c.lmjd = t.lmjd AND c.planid = t.planid AND c.class = t.class
  ORDER BY t.obsdate, t.lmjd, t.planid, t.class`;

export const planArgs = (p: Period) => [p.from, p.to, p.from, p.to];

export async function planClassCounts(db: Queryable, p: Period): Promise<PlanClassCount[]> {
  await db.query('CALL plan_check_refresh()');
  const [rows] = await db.query(PLAN_SQL, planArgs(p));
  return (rows as Record<string, unknown>[]).map((r) => ({
    obsdate: String(r.obsdate),
    lmjd: Number(r.lmjd),
    planid: String(r.planid),
    class: r.class as SpecClass,
    total: Number(r.total),
    checked: Number(r.checked),
    corrected: Number(r.corrected),
  }));
}
