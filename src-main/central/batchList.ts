/**
 * The coordinator's list of batches with how far each reviewer is. A batch's done count
 * counts its spectra that its reviewer gave a verdict in that batch (a reassigned batch's
 * verdicts stay with the old batch), and in browse mode also every spectrum before the
 * bookmark: paging on marks a page seen, and a seen spectrum left alone is accepted.
 */
import type { ReviewMode } from '../../shared/model';
import { isoFromSql, type Queryable } from './connection';
import { SqlFilter } from './sqlFilter';

export const BATCH_STATES = ['active', 'cancelled', 'all'] as const;
export type BatchStateFilter = (typeof BATCH_STATES)[number];

export interface BatchFilter {
  assignee?: string;
  /** Default active. */
  state?: BatchStateFilter;
  name?: string;
  ids?: readonly string[];
}

export interface BatchProgressRow {
  id: string;
  name: string;
  mode: ReviewMode;
  assignee: string;
  state: 'active' | 'cancelled';
  /** YYYY-MM-DD or null. */
  due: string | null;
  createdAt: string;
  createdBy: string;
  total: number;
  done: number;
}

/**
 * Total and verdict-done from batch_tally (kept by progress_refresh, 1210-batch-tally.ts); in
 * browse mode also the items before the bookmark without such a verdict (not counted twice),
 * a range of the batch's items read per browse batch.
 */
/** `where`: a WHERE clause over alias b, or nothing. */
export const listSql = (where = '') => `SELECT b.id, b.name, b.mode, b.assignee, b.state, DATE_FORMAT(b.due_date, '%Y-%m-%d') AS due,
    b.created_at, b.created_by, COALESCE(t.total, 0) AS total,
    COALESCE(t.done, 0) + IF(b.mode = 'browse', (SELECT COUNT(*) FROM check_status cs JOIN spec_check sc ON sc.batch_id = cs.batch_id AND sc.position < cs.position
        WHERE cs.batch_id = b.id
          AND NOT EXISTS (SELECT 1 FROM humanverify v WHERE v.batch_id = sc.batch_id AND v.obsid = sc.obsid AND v.reviewer = b.assignee)), 0) AS done
  FROM check_batch b
  LEFT JOIN batch_tally t ON t.batch_id = b.id
  ${where}
  ORDER BY b.created_at, b.name, b.assignee`;

/** Folds the verdicts and batches committed since the last call into batch_tally (coordinator). */
export async function refreshTally(db: Queryable): Promise<void> {
  await db.query('CALL progress_refresh()');
}

export async function listBatches(db: Queryable, f: BatchFilter = {}): Promise<BatchProgressRow[]> {
  if (f.ids?.length === 0) return [];
  const state = f.state ?? 'active';
  const filter = new SqlFilter()
    .add('b.state = ?', state === 'all' ? undefined : state)
    .add('b.assignee = ?', f.assignee)
    .add('b.name = ?', f.name)
    .anyOf('b.id', f.ids);
  await refreshTally(db);
  const [rows] = await db.query(listSql(filter.where), filter.args);
  return (rows as Record<string, unknown>[]).map((r) => ({
    id: String(r.id),
    name: String(r.name),
    mode: r.mode as ReviewMode,
    assignee: String(r.assignee),
    state: r.state as BatchProgressRow['state'],
    due: r.due === null ? null : String(r.due),
    createdAt: isoFromSql(r.created_at),
    createdBy: String(r.created_by),
    total: Number(r.total),
    done: Number(r.done),
  }));
}
