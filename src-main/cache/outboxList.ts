/**
 * The outbox as the person reads it (`specvet outbox`): every unsent change in push order,
 * with the server's reason when it refused one — so nothing set aside is out of sight.
 */
import type { Statements } from './statements';

export type OutboxKind = 'verdict' | 'problem' | 'bookmark';

export interface OutboxEntry {
  kind: OutboxKind;
  /** The verdict's or report's UUID; for a bookmark, its batch's id. */
  id: string;
  /** One line naming the change: "verdict on 100123: QSO z=1.5", "problem PLAN001 sp3 fibres 20-45 (raw)". */
  what: string;
  createdAt: string;
  /** The central server's one-line reason, when it refused the change; null while it waits to be pushed. */
  refused: string | null;
  refusedAt: string | null;
}

interface EntryRow {
  kind: OutboxKind;
  id: string;
  what: string;
  created_at: string;
  refused: string | null;
  refused_at: string | null;
}

// printf() keeps the description in SQL: one statement, already in push order per table.
const OUTBOX = `
  SELECT 'verdict' AS kind, id, printf('verdict on %d: %s z=%s quality %d', obsid, class, z, quality) AS what,
    created_at, refused, refused_at, 0 AS tab, seq AS ord
  FROM verdict WHERE pushed = 0 AND reviewer = @user
  UNION ALL
  SELECT 'problem', id, printf('problem %s sp%d fibres %d-%d (%s): %s', planid, spid, fiber_from, fiber_to, origin, type),
    created_at, refused, refused_at, 1, seq
  FROM problem WHERE pushed = 0
  UNION ALL
  SELECT 'bookmark', bm.batch_id, printf('bookmark of batch %s at position %d', coalesce(b.name, bm.batch_id), bm.position),
    bm.updated_at, bm.refused, bm.refused_at, 2, 0
  FROM bookmark bm LEFT JOIN batch b ON b.id = bm.batch_id WHERE bm.pushed = 0`;

export function listOutbox(stmts: Statements, user: string, which: 'all' | 'refused'): OutboxEntry[] {
  const filter = which === 'refused' ? 'WHERE refused IS NOT NULL' : '';
  return stmts
    .prepare<{ user: string }, EntryRow>(`SELECT * FROM (${OUTBOX}) ${filter} ORDER BY tab, ord, created_at`)
    .all({ user })
    .map((r) => ({ kind: r.kind, id: r.id, what: r.what, createdAt: r.created_at, refused: r.refused, refusedAt: r.refused_at }));
}
