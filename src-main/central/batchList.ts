/**
 * The coordinator's list of batches with how far each reviewer is. A batch's done count
 * counts its spectra that its reviewer gave a verdict in that batch (a reassigned batch's
 * verdicts stay with the old batch), and in browse mode also every spectrum before the
 * bookmark: paging on marks a page seen, and a seen spectrum left alone is accepted.
 */
import type { ReviewMode } from '../../shared/model';
import { isoFromSql, type Queryable } from './connection';

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
 * Per item: a verdict by the batch's reviewer in this batch (index humanverify_batch_obsid), or
 * in browse mode a position before the bookmark. SQL over aliases b, sc, cs.
 */
export const ITEM_DONE = `(EXISTS (SELECT 1 FROM humanverify v WHERE v.batch_id = sc.batch_id AND v.obsid = sc.obsid AND v.reviewer = b.assignee)
    OR (b.mode = 'browse' AND sc.position < COALESCE(cs.position, 0)))`;

export async function listBatches(db: Queryable, f: BatchFilter = {}): Promise<BatchProgressRow[]> {
  const where: string[] = [];
  const args: unknown[] = [];
  const state = f.state ?? 'active';
  if (state !== 'all') {
    where.push('b.state = ?');
    args.push(state);
  }
  if (f.assignee) {
    where.push('b.assignee = ?');
    args.push(f.assignee);
  }
  if (f.name) {
    where.push('b.name = ?');
    args.push(f.name);
  }
  if (f.ids) {
    if (f.ids.length === 0) return [];
    where.push('b.id IN (?)');
    args.push(f.ids);
  }
  const [rows] = await db.query(
    `SELECT b.id, b.name, b.mode, b.assignee, b.state, DATE_FORMAT(b.due_date, '%Y-%m-%d') AS due, b.created_at, b.created_by,
       COUNT(sc.obsid) AS total, COALESCE(SUM(${ITEM_DONE}), 0) AS done
     FROM check_batch b
     LEFT JOIN spec_check sc ON sc.batch_id = b.id
     LEFT JOIN check_status cs ON cs.batch_id = b.id
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     GROUP BY b.id, b.name, b.mode, b.assignee, b.state, b.due_date, b.created_at, b.created_by
     ORDER BY b.created_at, b.name, b.assignee`,
    args,
  );
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
