/**
 * Problem reports for the 2D team: the list, filtered as the LAMOST workflow reads it (the
 * nights of a date range, plan, spectrograph, type, origin, state), and their handling —
 * acknowledge, resolve (reprocessed), discard — with a note, through problem_set_state, which
 * only the 2D role may call. The reporter's next pull brings the new state (my_problems).
 */
import type { Pool } from 'mysql2/promise';
import { PROBLEM_ORIGINS, type ProblemOrigin, type ProblemState } from '../../shared/model';
import { isoFromSql, toNumber } from './connection';
import { transaction } from './retry';
import type { Row } from './rows';
import { SqlFilter } from './sqlFilter';
import type { ProblemAction, ProblemCase, ProblemFilter, ProblemStateFilter } from './qualityDesk';

export const PROBLEM_STATE_FILTERS: readonly ProblemStateFilter[] = ['unhandled', 'open', 'acknowledged', 'resolved', 'discarded', 'all'];

const STATES: Record<ProblemStateFilter, readonly ProblemState[] | null> = {
  unhandled: ['open', 'acknowledged'],
  open: ['open'],
  acknowledged: ['acknowledged'],
  resolved: ['resolved'],
  discarded: ['discarded'],
  all: null,
};

const COLUMNS = `p.id, p.lmjd, p.planid, pl.obsdate, p.spid, p.fiber_from, p.fiber_to, p.type, p.origin, p.text, p.reporter,
  p.created_at, p.state, p.handled_by, p.handled_at, p.handled_note`;

export function problemFilterProblem(f: ProblemFilter): string | null {
  for (const [k, v] of [['from', f.from], ['to', f.to]] as const) {
    if (v !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(v)) return `--${k} must be a date YYYY-MM-DD, got "${v}"`;
  }
  if (f.from && f.to && f.from > f.to) return `--from ${f.from} is after --to ${f.to}`;
  if (f.state !== undefined && !(f.state in STATES)) return `--state is one of ${PROBLEM_STATE_FILTERS.join(', ')}; got "${f.state}"`;
  if (f.origin !== undefined && !PROBLEM_ORIGINS.includes(f.origin)) return `--origin is raw or 2d; got "${f.origin}"`;
  return null;
}

/** Reports matching `f` (by default the unhandled ones), by night, plan, spectrograph, fibre. */
export async function problemList(pool: Pool, f: ProblemFilter): Promise<ProblemCase[]> {
  const problem = problemFilterProblem(f);
  if (problem) throw new RangeError(problem);
  const { where, args } = new SqlFilter()
    .anyOf('p.state', STATES[f.state ?? 'unhandled'])
    .add('pl.obsdate >= ?', f.from)
    .add('pl.obsdate <= ?', f.to)
    .add('p.planid = ?', f.planid)
    .add('p.spid = ?', f.spid)
    .add('p.type = ?', f.type)
    .add('p.origin = ?', f.origin);
  const [rows] = await pool.query(
    `SELECT ${COLUMNS} FROM prob2d p LEFT JOIN plan_info pl ON pl.lmjd = p.lmjd AND pl.planid = p.planid
     ${where}
     ORDER BY p.lmjd, p.planid, p.spid, p.fiber_from, p.created_at`,
    args,
  );
  return (rows as Row[]).map(problemFromRow);
}

export async function problemSetState(pool: Pool, id: string, action: ProblemAction, note: string): Promise<ProblemCase> {
  await transaction(pool, (c) => c.execute('CALL problem_set_state(?, ?, ?)', [id, action, note]));
  const [rows] = await pool.query(`SELECT ${COLUMNS} FROM prob2d p LEFT JOIN plan_info pl ON pl.lmjd = p.lmjd AND pl.planid = p.planid WHERE p.id = ?`, [id]);
  return problemFromRow((rows as Row[])[0]!);
}

const orNull = (v: unknown) => (v === null || v === undefined ? null : String(v));

export function problemFromRow(r: Row): ProblemCase {
  return {
    id: String(r.id), lmjd: toNumber(r.lmjd), planid: String(r.planid), obsdate: orNull(r.obsdate), spid: toNumber(r.spid),
    fiberFrom: toNumber(r.fiber_from), fiberTo: toNumber(r.fiber_to), type: String(r.type), origin: r.origin as ProblemOrigin,
    text: String(r.text), reporter: String(r.reporter), createdAt: isoFromSql(r.created_at), state: r.state as ProblemState,
    handledBy: orNull(r.handled_by), handledAt: r.handled_at ? isoFromSql(r.handled_at) : null, note: orNull(r.handled_note),
  };
}
